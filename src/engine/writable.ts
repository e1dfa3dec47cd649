// Output objects with optional fields are filled field by field (conditional spreads copy the object each time).

/** T with its readonly modifiers removed, for an object being filled before it is returned read-only. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };
