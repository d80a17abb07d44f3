/**
 * Regenerates docs/rencana-aksi.png and docs/perjanjian-kinerja*.png: both sheets generated from the
 * Bekasi fixture with examples/profile.json, each alone in a workbook, printed to PDF by LibreOffice
 * headless and turned into PNG pages by pdftoppm. Needs `npm run prepare` (lib/), soffice and pdftoppm.
 *   node scripts/docs-screenshots.js
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const { loadWorkbookFile, snapshotFromWorkbook } = require("../lib/xlsx/readWorkbook");
const { recogniseWorkbook } = require("../lib/core/recognise");
const { rencanaAksiSheet } = require("../lib/core/rencanaAksi");
const { perjanjianKinerjaSheet } = require("../lib/core/perjanjianKinerja");
const { readProfile } = require("../lib/core/profile");
const { applySheetSpec } = require("../lib/xlsx/applySheetSpec");

(async () => {
  const root = path.join(__dirname, "..");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lkip-shots-"));
  const source = await loadWorkbookFile(path.join(root, "test/fixtures/xlsx/bekasi-typed.xlsx"));
  const snapshot = snapshotFromWorkbook(source);
  const analysis = recogniseWorkbook(snapshot);
  const profile = readProfile(JSON.parse(fs.readFileSync(path.join(root, "examples/profile.json"), "utf8"))).profile;
  const specs = {
    "rencana-aksi": rencanaAksiSheet(snapshot, analysis, { instansi: profile.instansi }).spec,
    "perjanjian-kinerja": perjanjianKinerjaSheet(snapshot, analysis, profile).spec,
  };
  for (const [name, spec] of Object.entries(specs)) {
    const wb = new ExcelJS.Workbook();
    applySheetSpec(wb, spec);
    const file = path.join(tmp, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    execFileSync("soffice", [`-env:UserInstallation=file://${tmp}/profile`, "--headless", "--convert-to", "pdf", "--outdir", tmp, file], { stdio: "ignore" });
    execFileSync("pdftoppm", ["-r", "90", "-png", path.join(tmp, `${name}.pdf`), path.join(root, "docs", name)]);
  }
  // pdftoppm numbers pages; keep the first page of the Rencana Aksi, both pages of the PK.
  for (const f of fs.readdirSync(path.join(root, "docs"))) {
    if (/^rencana-aksi-(?!1\.png)\d+\.png$/.test(f)) fs.rmSync(path.join(root, "docs", f));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".png")).join("\n"));
})();
