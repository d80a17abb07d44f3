/**
 * A pure function remembered per key in a bounded map (cleared when full, so memory stays bounded on any
 * workbook). Recognition reads the same header, label and indicator texts across the tables of a workbook and
 * across readings of it (the pane reads again after each change). Callers must not change what it returns.
 */
export function remembered<A extends unknown[], T>(read: (...args: A) => T, keyOf: (...args: A) => string, limit = 5_000): (...args: A) => T {
  const memo = new Map<string, T>();
  return (...args: A): T => {
    const key = keyOf(...args);
    let value = memo.get(key);
    if (value === undefined && !memo.has(key)) {
      if (memo.size >= limit) memo.clear();
      memo.set(key, (value = read(...args)));
    }
    return value as T;
  };
}

/** The key of a function of one text: the text itself. */
export const byText = (text: string) => text;
