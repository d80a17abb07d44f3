/**
 * The text readers every recognition stage calls on each cell: their fast paths (a clean text returned as it is)
 * must give what the plain rule gives (non-breaking spaces as spaces, trimmed; runs of white space as one).
 */
import { cellText, squashSpaces } from "../src/core/grid";

const TEXTS = ["Realisasi", " Target ", "Target\u00a02024", "\u00a0Capaian", "Capaian\u00a0", "a  b", "a\tb", "Realisasi\nAnggaran", "  ", "", "x", "\u3000Judul", "Judul\u2003", "Rp.", "%", "(1)", "Tw. I", "Pagu\r\n(Rp)", "Ü ber", "ünter "];

test.each(TEXTS)("cellText(%j) is the text with non-breaking spaces as spaces, trimmed", (t) => {
  expect(cellText(t)).toBe(t.replace(/\u00a0/g, " ").trim());
});

test.each(TEXTS)("squashSpaces(%j) is the text with each run of white space as one space, trimmed", (t) => {
  expect(squashSpaces(t)).toBe(t.replace(/\s+/g, " ").trim());
});

test("cellText of numbers, booleans, errors and empty cells", () => {
  expect([cellText(12.5), cellText(true), cellText(false), cellText(null), cellText({ error: "#DIV/0!" })]).toEqual(["12.5", "TRUE", "FALSE", "", "#DIV/0!"]);
});
