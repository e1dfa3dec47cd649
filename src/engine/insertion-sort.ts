// A stable in-place sort for the short lists the engine orders per case (a few dozen items at most), where
// Array.prototype.sort's set-up and comparator calls cost more than the sorting itself.

/**
 * Sort `list` in place so that `before(a, b)` items come first; items neither before the other keep their order.
 *
 * @returns the same list
 */
export function insertionSort<T>(list: T[], before: (a: T, b: T) => boolean): T[] {
  for (let i = 1; i < list.length; i++) {
    const x = list[i] as T;
    let j = i - 1;
    for (; j >= 0 && before(x, list[j] as T); j--) list[j + 1] = list[j] as T;
    list[j + 1] = x;
  }
  return list;
}
