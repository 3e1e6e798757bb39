import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { hrefWith } from "@/lib/url";

// « Précédent » / « Suivant » links that keep the list's filters.
export function ListPagination({ path, query, page, perPage, total }: { path: string; query: Record<string, string>; page: number; perPage: number; total: number }) {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm">
      {page > 1 ? (
        <Link href={hrefWith(path, query, { page: page - 1 === 1 ? null : page - 1 })} className={buttonClasses("secondary", "sm")}>
          Précédent
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">
        Page {page} sur {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefWith(path, query, { page: page + 1 })} className={buttonClasses("secondary", "sm")}>
          Suivant
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
