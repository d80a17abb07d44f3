import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
const { urlDev, urlProd } = require("../addin.config");

const root = path.join(__dirname, "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

describe("manifest.xml (checked offline)", () => {
  test("is well-formed", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });
  const parsed = new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(xml);
  const app = parsed.find((n: Record<string, unknown>) => n.OfficeApp).OfficeApp as Record<string, unknown>[];
  const names = app.map((n) => Object.keys(n).find((k) => k !== ":@")!);
  test("top-level elements in schema order", () => {
    const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    expect(names).toEqual(order);
  });
  test("Workbook host, ExcelApi 1.13, ReadWriteDocument, a GUID id, Indonesian and English strings", () => {
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.13"\/>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/Action xsi:type="ShowTaskpane"/);
    expect((xml.match(/Locale="en-US"/g) ?? []).length).toBeGreaterThanOrEqual(7);
  });
  test("every resid resolves to a resource", () => {
    const ids = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const r of used) expect({ resid: r, defined: ids.has(r) }).toEqual({ resid: r, defined: true });
  });
  test("URLs match webpack's dev URL, icons exist, and the production build rewrites them all", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue="|>)(https:\/\/[^"<\s]+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith(urlDev) || u === urlDev.replace(/\/$/, "")).toBe(true);
    for (const size of [16, 32, 64, 80]) {
      expect(xml).toContain(`${urlDev}assets/icon-${size}.png`);
      expect(fs.existsSync(path.join(root, "assets", `icon-${size}.png`))).toBe(true);
    }
    const webpack = require("../webpack.config.js")({}, { mode: "production" });
    const copy = webpack.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin");
    const transform = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml").transform;
    const prod = transform(Buffer.from(xml)).toString();
    expect(prod).not.toContain(urlDev);
    expect(prod).toContain(`${urlProd}taskpane.html`);
  });
});
