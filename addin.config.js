/**
 * Where the add-in is served. The manifest in the repository points at the dev URL; the production
 * build rewrites it to LKIP_PROD_URL (the agency's own HTTPS host). Used by webpack and by the tests.
 */
const devPort = 3000;
module.exports = {
  devPort,
  urlDev: `https://localhost:${devPort}/`,
  urlProd: (process.env.LKIP_PROD_URL || "https://lkip.example.go.id/addin/").replace(/\/?$/, "/"),
};
