#!/usr/bin/env node
"use strict";
// The CLI is compiled by `npm install` (the "prepare" script) into lib/.
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("lkip: not built yet; run `npm install` (or `npm run prepare`) in the project first\n");
  process.exit(1);
}
process.stdout.on("error", (e) => { if (e.code === "EPIPE") process.exit(0); throw e; });
require(entry).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
