/** Orders by UTF-16 code units: unlike localeCompare, every device and locale gives the same answer. */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** Sorted copy without duplicates, for collections that are sets (member ids, guest lists). */
export function sortedUnique<T extends string>(values: readonly T[]): readonly T[] {
  return [...new Set(values)].sort(compareCodeUnits);
}
