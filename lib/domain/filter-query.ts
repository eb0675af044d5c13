// A list's filters as the query string that sets them on its page (lists comma-joined, as the
// request schemas read them): how a number links to exactly the rows it counts.
type Filters = Record<string, string | readonly string[] | undefined>;

export function filterQuery(filters: Filters): string {
  const entries = Object.entries(filters).flatMap(([key, value]) => (value === undefined ? [] : [[key, typeof value === "string" ? value : value.join(",")]]));
  return new URLSearchParams(entries).toString();
}

/** `path?query`, or the bare path when no filter is set. */
export function filteredHref(path: string, filters: Filters): string {
  const query = filterQuery(filters);
  return query ? `${path}?${query}` : path;
}
