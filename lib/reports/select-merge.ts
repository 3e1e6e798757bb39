// Merges Prisma `select` fragments ({ prospect: { select: { name: true } } } and
// { prospect: { select: { partner: … } } }) into one, so a list selects only its columns.
type Fragment = Record<string, unknown>;

function isPlainObject(value: unknown): value is Fragment {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function mergeSelects(fragments: readonly Fragment[]): Fragment {
  const merged: Fragment = {};
  for (const fragment of fragments) {
    for (const [key, value] of Object.entries(fragment)) {
      const current = merged[key];
      merged[key] = isPlainObject(current) && isPlainObject(value) ? mergeSelects([current, value]) : value;
    }
  }
  return merged;
}
