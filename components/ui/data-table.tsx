"use client";

// The one table every list uses: the server sorts, filters and paginates; this component
// renders the page it is given and turns header clicks, page changes and the page size into
// URL changes. Sort headers and page links are plain links built from TanStack's state, so
// the list also works without JS.
import { useId, useTransition, type ReactNode } from "react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type PaginationState,
  type SortingState,
  type Updater,
  type VisibilityState,
} from "@tanstack/react-table";
import { buttonClasses } from "@/components/ui/button";
import { controlBaseClasses } from "@/components/ui/field";
import { LinkPending } from "@/components/ui/link-pending";
import { cn } from "@/lib/cn";
import { hrefWith } from "@/lib/url";

export type SortDirection = "asc" | "desc";

export type DataTableProps<TData> = {
  // Column ids are the server's sort keys; columns with `enableSorting: false` are not sortable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's own idiom for mixed value types
  columns: ColumnDef<TData, any>[];
  data: TData[];
  getRowId: (row: TData) => string;
  total: number;
  page: number;
  perPage: number;
  perPageOptions: readonly number[];
  sort: string;
  dir: SortDirection;
  // The list's current query string (filters included), so every link keeps the other state.
  query: Readonly<Record<string, string>>;
  // Accessible name of the table, e.g. « Liste des prospects ».
  caption: string;
  countLabel: (total: number) => string;
  emptyState: ReactNode;
  columnVisibility?: VisibilityState;
  // Replaces the numbered « Précédent / Page n sur m / Suivant » links, e.g. with a keyset pager.
  pager?: ReactNode;
};

function resolve<T>(updater: Updater<T>, previous: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(previous) : updater;
}

export function DataTable<TData>({
  columns,
  data,
  getRowId,
  total,
  page,
  perPage,
  perPageOptions,
  sort,
  dir,
  query,
  caption,
  countLabel,
  emptyState,
  columnVisibility,
  pager,
}: DataTableProps<TData>) {
  const pathname = usePathname();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const captionId = useId();
  const perPageId = useId();

  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const pagination: PaginationState = { pageIndex: page - 1, pageSize: perPage };

  const navigate = (changes: Record<string, string | number | null>) => {
    startTransition(() => router.push(hrefWith(pathname, query, changes)));
  };

  // TanStack Table v8 returns fresh functions each render; nothing here relies on memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    rowCount: total,
    state: { sorting, pagination, columnVisibility: columnVisibility ?? {} },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      // A new page size restarts from the first page: the old page number means other rows.
      if (next.pageSize !== perPage) navigate({ perPage: next.pageSize, page: null });
      else navigate({ page: next.pageIndex + 1 });
    },
  });

  const pageCount = Math.max(1, table.getPageCount());
  const sortHref = (header: Header<TData, unknown>) => {
    const nextOrder = header.column.getNextSortingOrder() || header.column.getFirstSortDir();
    return hrefWith(pathname, query, { sort: header.column.id, dir: nextOrder, page: null });
  };
  const pageHref = (target: number) => hrefWith(pathname, query, { page: target === 1 ? null : target });
  const visibleColumnCount = table.getVisibleLeafColumns().length;

  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <p className="text-sm text-slate-700" aria-live="polite">
          {countLabel(total)}
        </p>
        {isPending ? (
          <p className="text-xs text-slate-500" role="status">
            Chargement…
          </p>
        ) : null}
      </div>

      <div
        className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-600"
        // Keyboard users must be able to scroll a table wider than a phone.
        tabIndex={0}
        role="region"
        aria-labelledby={captionId}
      >
        <table className={cn("min-w-full divide-y divide-slate-200 text-sm", isPending && "opacity-60")}>
          <caption id={captionId} className="sr-only">
            {caption}
          </caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className="whitespace-nowrap px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <Link
                          href={sortHref(header)}
                          scroll={false}
                          className="-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-slate-900"
                        >
                          {label}
                          <SortIcon direction={sorted} />
                          <LinkPending />
                          <span className="sr-only">
                            {sorted === "asc"
                              ? " (trié par ordre croissant, cliquer pour inverser)"
                              : sorted === "desc"
                                ? " (trié par ordre décroissant, cliquer pour inverser)"
                                : " (cliquer pour trier)"}
                          </span>
                        </Link>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={visibleColumnCount}>{emptyState}</td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="whitespace-nowrap px-4 py-2.5 text-slate-700">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <nav
        aria-label="Pagination"
        className="flex flex-col gap-3 border-t border-slate-200 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
      >
        <form
          method="get"
          action={pathname}
          className="flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const value = Number(new FormData(event.currentTarget).get("perPage"));
            table.setPageSize(value);
          }}
        >
          {Object.entries(query)
            .filter(([key]) => key !== "perPage" && key !== "page")
            .map(([key, value]) => (
              <input key={key} type="hidden" name={key} value={value} />
            ))}
          <label htmlFor={perPageId} className="text-sm text-slate-700">
            Lignes par page
          </label>
          <select
            id={perPageId}
            name="perPage"
            value={perPage}
            onChange={(event) => table.setPageSize(Number(event.target.value))}
            className={cn(controlBaseClasses, "h-9 w-auto pr-8")}
          >
            {perPageOptions.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <noscript>
            <button type="submit" className={buttonClasses("secondary", "sm")}>
              Appliquer
            </button>
          </noscript>
        </form>

        {pager ?? (
          <div className="flex items-center justify-between gap-3 sm:justify-end">
            <PageLink href={pageHref(page - 1)} enabled={table.getCanPreviousPage()}>
              Précédent
            </PageLink>
            <p className="text-sm whitespace-nowrap text-slate-700">
              Page {page} sur {pageCount}
            </p>
            <PageLink href={pageHref(page + 1)} enabled={table.getCanNextPage()}>
              Suivant
            </PageLink>
          </div>
        )}
      </nav>
    </div>
  );
}

function PageLink({ href, enabled, children }: { href: string; enabled: boolean; children: ReactNode }) {
  if (!enabled) {
    return (
      <span aria-disabled="true" className={buttonClasses("secondary", "sm")}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} className={buttonClasses("secondary", "sm")}>
      {children}
      <LinkPending />
    </Link>
  );
}

function SortIcon({ direction }: { direction: false | SortDirection }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className={cn("h-3 w-3", direction ? "text-brand-700" : "text-slate-400")}>
      {direction === "asc" ? (
        <path d="M6 2 10 8H2z" fill="currentColor" />
      ) : direction === "desc" ? (
        <path d="M6 10 2 4h8z" fill="currentColor" />
      ) : (
        <path d="M6 1 9 5H3zM6 11 3 7h6z" fill="currentColor" />
      )}
    </svg>
  );
}
