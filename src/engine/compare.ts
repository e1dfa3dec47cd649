// Locale-independent string order for tie-breaks (localeCompare depends on the machine's ICU data and is slow).

/** -1, 0 or 1 by UTF-16 code units, the same on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
