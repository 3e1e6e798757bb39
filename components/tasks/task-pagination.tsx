import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { hrefWith } from "@/lib/url";

// Previous / next pages of the tasks list; the rest of the URL (users picked) is kept.
export function TaskPagination({ page, pageCount, query }: { page: number; pageCount: number; query: Record<string, string> }) {
  if (pageCount <= 1) return null;
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
        Page {page} sur {pageCount}
      </p>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={buttonClasses("secondary", "sm")}>
          Page suivante
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
