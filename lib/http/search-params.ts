/** What a page receives as its search params. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** One value per name (the first, when a name repeats), so a schema sees plain strings. */
export function singleValues(params: SearchParams): Record<string, string> {
  // Object.fromEntries defines each name as an own property, so "__proto__" stays a plain key.
  const values: [string, string][] = [];
  for (const [name, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) values.push([name, first]);
  }
  return Object.fromEntries(values);
}
