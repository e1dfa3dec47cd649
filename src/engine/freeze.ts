// Deep freeze for output parts built once from the knowledge and shared by every assessment (so none can be changed).

/** Freeze a plain object graph in place (descending into already-frozen parts too) and return it. */
export function freezeDeep<T>(value: T, seen: WeakSet<object> = new WeakSet()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  Object.freeze(value);
  for (const v of Object.values(value as object)) freezeDeep(v, seen);
  return value;
}
