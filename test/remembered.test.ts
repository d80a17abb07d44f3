/** The bounded memory the recognition stages share: one read per key, null results kept, never more than the limit. */
import { byText, remembered } from "../src/core/remembered";

test("a text is read once, a null answer is remembered too, and the map is cleared when full", () => {
  const reads: string[] = [];
  const kind = remembered((t: string) => (reads.push(t), t.startsWith("x") ? null : t.length), byText, 3);
  expect([kind("ab"), kind("ab"), kind("xy"), kind("xy")]).toEqual([2, 2, null, null]);
  expect(reads).toEqual(["ab", "xy"]);
  kind("abc"); // third key: the map holds three
  kind("abcd"); // full: cleared, then this one kept
  kind("ab"); // read again after the clear
  expect(reads).toEqual(["ab", "xy", "abc", "abcd", "ab"]);
});

test("several arguments share one key", () => {
  let reads = 0;
  const join = remembered((path: string[], unit: string | null) => (reads++, `${unit}:${path.join("/")}`), (path, unit) => `${unit ?? ""}\u0001${path.join("\u0001")}`);
  expect([join(["Target", "2024"], "K"), join(["Target", "2024"], "K"), join(["Target", "2024"], null)]).toEqual(["K:Target/2024", "K:Target/2024", "null:Target/2024"]);
  expect(reads).toBe(2);
});
