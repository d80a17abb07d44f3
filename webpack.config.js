/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { devPort, urlDev, urlProd } = require("./addin.config");

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  return {
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: !!env.transpileOnly, configFile: "tsconfig.json", compilerOptions: { noEmit: false } } },
        },
      ],
    },
    devtool: production ? false : "source-map",
    plugins: [
      new HtmlWebpackPlugin({ template: "./src/taskpane/taskpane.html", filename: "taskpane.html", chunks: ["taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // The only place the production URL is injected.
            transform: (content) => (production ? content.toString().split(urlDev).join(urlProd) : content),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: path.resolve(__dirname, "dist"),
      port: devPort,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      // Excel needs HTTPS: pass certificates with --server-type https --server-options-key/--server-options-cert (see README).
    },
  };
};
