/**
 * Jest global setup: with `--ci` (or LKIP_TYPECHECK=1), the whole project is type-checked once with the
 * project's tsconfig before any test runs (ts-jest only transpiles, see jest.config.js). A type error
 * fails the run with tsc's own messages.
 */
const { spawnSync } = require("child_process");
const path = require("path");

module.exports = async function typecheck(globalConfig) {
  if (!globalConfig.ci && process.env.LKIP_TYPECHECK !== "1") return;
  const root = globalConfig.rootDir;
  const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
  const started = Date.now();
  const r = spawnSync(process.execPath, [tsc, "--noEmit", "-p", path.join(root, "tsconfig.json")], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`Type check failed (tsc --noEmit -p tsconfig.json):\n${r.stdout}${r.stderr}`);
  process.stdout.write(`\nType check passed (tsc --noEmit, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
};
