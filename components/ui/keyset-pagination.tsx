// « Première page », « Précédent », « Suivant », « Dernière page » for lists paged by keyset
// (lib/pagination/keyset.ts): each link names a row, not a page number, so no page costs more
// to reach than the first. Plain links: it works without JavaScript.
import { PagerLink } from "@/components/ui/pager-link";
import { hrefWith } from "@/lib/url";

export type KeysetPagerState = {
  hasPrevious: boolean;
  hasNext: boolean;
  startCursor: string | null;
  endCursor: string | null;
};

export function KeysetPagination({
  pathname,
  query,
  page,
}: {
  pathname: string;
  // The list's query string without any cursor (filters, sort, page size).
  query: Readonly<Record<string, string>>;
  page: KeysetPagerState;
}) {
  const clear = { after: null, before: null, last: null, page: null };
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <PagerLink href={hrefWith(pathname, query, clear)} enabled={page.hasPrevious}>
        Première page
      </PagerLink>
      <PagerLink href={hrefWith(pathname, query, { ...clear, before: page.startCursor })} enabled={page.hasPrevious && Boolean(page.startCursor)}>
        Précédent
      </PagerLink>
      <PagerLink href={hrefWith(pathname, query, { ...clear, after: page.endCursor })} enabled={page.hasNext && Boolean(page.endCursor)}>
        Suivant
      </PagerLink>
      <PagerLink href={hrefWith(pathname, query, { ...clear, last: "1" })} enabled={page.hasNext}>
        Dernière page
      </PagerLink>
    </div>
  );
}
