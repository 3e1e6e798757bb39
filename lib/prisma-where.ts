// True for a Prisma `where` that filters nothing ({} or ANDs of {}), e.g. prospectScope() of an
// internal user. A relation filter built from it (`{ prospect: {} }`) still makes Prisma join the
// relation, which stops an index on the child table from serving the order: callers drop it.
export function isEmptyWhere(where: object): boolean {
  return Object.entries(where).every(
    ([key, value]) => key === "AND" && Array.isArray(value) && value.every((w: object) => isEmptyWhere(w)),
  );
}
