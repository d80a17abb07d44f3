/**
 * Every text the pane shows comes from the phrase layer (src/i18n): a component's JSX may not carry
 * words of its own — no JSX text with letters, no string literal with letters as a child or in a
 * visible prop (label, aria-label, title, placeholder, hint…). Pane phrases exist in both languages,
 * with the same keys, and role names are words.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { PANE_STRINGS } from "../src/i18n/pane";
import { familyName, reasonName, roleName } from "../src/i18n/terms";
import { COLUMN_ROLES } from "../src/core/roles";
import { LANGS } from "../src/i18n";

/** Props whose value a person reads or hears. */
const VISIBLE_PROPS = new Set(["label", "aria-label", "aria-description", "title", "placeholder", "hint", "validationMessage", "description", "header", "alt", "content"]);
const WORDS = /\p{L}{2,}/u;

/** Texts in a TSX source that bypass the phrase layer, as "line: text". */
export function bypassingTexts(source: string, file = "x.tsx"): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TSX);
  const out: string[] = [];
  const report = (node: ts.Node, text: string) => out.push(`${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`);
  /**
   * String literals with words in an expression shown as text. Arguments of calls and elements of array
   * literals are identifiers, keys and test ids (`person("pihakPertama", …)`, `["ramp", "split"].map`):
   * what they show goes through the phrase layer where they are used.
   */
  const literalsIn = (node: ts.Node) => {
    const visit = (n: ts.Node) => {
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
        if (WORDS.test(n.text)) report(n, n.text);
      } else if (ts.isTemplateExpression(n)) {
        const parts = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(" ");
        if (WORDS.test(parts)) report(n, parts);
        n.templateSpans.forEach((s) => visit(s.expression));
      } else if (ts.isJsxAttributes(n) || ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
        return; // nested JSX and callbacks are visited on their own
      } else if (ts.isCallExpression(n)) {
        visit(n.expression);
      } else if (ts.isArrayLiteralExpression(n)) {
        return;
      } else if (ts.isBinaryExpression(n) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(n.operatorToken.kind)) {
        return; // comparisons with state names ("written") are not shown
      } else n.forEachChild(visit);
    };
    visit(node);
  };
  const walk = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) literalsIn(node.expression);
    if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(sf)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) {
        if (WORDS.test(node.initializer.text)) report(node, `${node.name.getText(sf)}="${node.initializer.text}"`);
      } else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) literalsIn(node.initializer.expression);
    }
    node.forEachChild(walk);
  };
  walk(sf);
  return out;
}

const PANE_DIR = path.join(__dirname, "..", "src", "taskpane");
const tsxFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsxFiles(path.join(dir, e.name)) : e.name.endsWith(".tsx") ? [path.join(dir, e.name)] : []));

test("the detector finds words that bypass the phrase layer, and lets phrases, test ids and state names pass", () => {
  const bad = `
    const A = () => (
      <div>
        Tulis rumus
        <Button title="Pilih tabel" data-testid="write-button">{t.write}</Button>
        <Field label={"Skala predikat"} hint={\`\${n} sel dilewati\`} />
        {busy ? "Menulis…" : t.write}
        {write.status === "written" && <Text>{t.written(counts)}</Text>}
        <option value="Plt.">{label}</option>
        {person("pihakPertama", t.pihakPertama)}
        {(["ramp", "split"] as Phasing[]).map((v) => <option key={v}>{t.phasings[v]}</option>)}
        {flag ? \`Baris \${row}\` : null}
      </div>
    );`;
  expect(bypassingTexts(bad)).toEqual(["4: Tulis rumus", '5: title="Pilih tabel"', "6: Skala predikat", "6: sel dilewati", "7: Menulis…", "12: Baris"]);
});

test("no component of the pane carries its own words", () => {
  const files = tsxFiles(PANE_DIR);
  expect(files.length).toBeGreaterThan(5);
  const found = files.flatMap((f) => bypassingTexts(fs.readFileSync(f, "utf8"), f).map((x) => `${path.relative(PANE_DIR, f)}:${x}`));
  expect(found).toEqual([]);
});

test("pane phrases: the same keys in both languages, none empty; role, family and reason names are words in both", () => {
  const keys = (o: object) => Object.keys(o).sort();
  expect(keys(PANE_STRINGS.en)).toEqual(keys(PANE_STRINGS.id));
  for (const lang of LANGS)
    for (const [k, v] of Object.entries(PANE_STRINGS[lang])) {
      if (typeof v === "string") expect([k, v.trim().length > 0]).toEqual([k, true]);
      if (v && typeof v === "object") expect([k, keys(v)]).toEqual([k, keys((PANE_STRINGS.id as unknown as Record<string, object>)[k])]);
    }
  for (const lang of LANGS) {
    for (const r of COLUMN_ROLES) expect(roleName(r, lang)).not.toMatch(/_/);
    expect(familyName("budget-realisation", lang)).not.toContain("-");
    expect(reasonName("wrong-polarity", lang)).not.toContain("-");
  }
  expect(roleName("realisasi_anggaran", "id")).toBe("Realisasi anggaran");
  expect(PANE_STRINGS.id.tablesFound(1234, 2)).toBe("1.234 tabel ditemukan di 2 lembar kerja");
  expect(PANE_STRINGS.en.tablesFound(1234, 2)).toBe("1,234 table(s) found in 2 sheet(s)");
});
