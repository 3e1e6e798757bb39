// Builds a local href from the current query plus changes; empty values drop the key, so
// links never carry `?q=&status=`.
export function hrefWith(
  pathname: string,
  query: Readonly<Record<string, string>>,
  changes: Readonly<Record<string, string | number | null | undefined>> = {},
): string {
  const params = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") params.delete(key);
    else params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}
