// Output objects with optional fields are filled field by field (conditional spreads copy the object each time).

/** T with its readonly modifiers removed, for an object being filled before it is returned read-only. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** An object of type T begun from its leading fields, in output order; the caller sets the rest before returning it. */
export function begin<T>(leading: Partial<T>): Writable<T> {
  return leading as Writable<T>;
}
