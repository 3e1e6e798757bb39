// The history page named by ?historique= in the prospect file's URL: anything that is not a
// positive whole number is page 1, so a mangled link cannot break the page.
export const HISTORY_PAGE_PARAM = "historique";

export function parseHistoryPage(value: unknown): number {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string" || !/^\d{1,6}$/.test(first)) return 1;
  return Math.max(1, Number(first));
}
