import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { hrefWith } from "@/lib/url";

// Previous / next pages of the tasks list; the rest of the URL (users picked) is kept.
// `pageCount` is null when the count stopped at its limit (« plus de 1 000 »).
export function TaskPagination({
  page,
  pageCount,
  hasNext,
  query,
}: {
  page: number;
  pageCount: number | null;
  hasNext: boolean;
  query: Record<string, string>;
}) {
  if (page === 1 && !hasNext) return null;
  const href = (target: number) => hrefWith("/taches", query, { page: target === 1 ? null : target });
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} className={buttonClasses("secondary", "sm")}>
          Page précédente
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-slate-700" aria-current="page">
        {pageCount === null ? `Page ${page}` : `Page ${page} sur ${pageCount}`}
      </p>
      {hasNext ? (
        <Link href={href(page + 1)} className={buttonClasses("secondary", "sm")}>
          Page suivante
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
