"use client";

// The one table every list uses: the server sorts, filters and paginates; this component
// renders the page it is given and turns header clicks, page changes and the page size into
// URL changes. Sort headers and page links are plain links built from TanStack's state, so
// the list also works without JS.
// Long data never pushes columns out: cells truncate with « … » (full text on hover and focus),
// the header and the identifying first column stay in view while the table scrolls inside its
// own box, and below 768 px the same rows render as cards instead of a shrunken table.
import { Fragment, useId, useState, useSyncExternalStore, useTransition, type MouseEvent, type ReactNode } from "react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Cell,
  type Header,
  type PaginationState,
  type Row,
  type RowData,
  type SortingState,
  type Updater,
  type VisibilityState,
} from "@tanstack/react-table";
import { buttonClasses } from "@/components/ui/button";
import { controlBaseClasses } from "@/components/ui/field";
import { LinkPending } from "@/components/ui/link-pending";
import { PagerLink } from "@/components/ui/pager-link";
import { useTablePreferences, type Density } from "@/components/ui/table-preferences";
import { CUT_CLASS, useCutCells } from "@/components/ui/cut-cells";
import { cn } from "@/lib/cn";
import { hrefWith } from "@/lib/url";

export type SortDirection = "asc" | "desc";

// Where a column goes on a phone card: its title, one of its (at most two) key facts, its status
// badge or its main action. Columns without a place are only in the table.
export type CardSlot = "title" | "fact" | "status" | "action";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics are TanStack's
  interface ColumnMeta<TData extends RowData, TValue> {
    // Plain-text name for the column chooser and card labels when the header is not a string.
    label?: string;
    card?: CardSlot;
    // Controls, badges stacks: shown whole rather than cut.
    truncate?: boolean;
    align?: "right";
  }
}

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
  // Remembers the user's hidden columns and density under this name; without it, no chooser.
  tableId?: string;
  // Row click opens the record (links and buttons inside the row keep their own behaviour).
  rowHref?: (row: TData) => string;
  onRowClick?: (row: TData) => void;
  selectedRowId?: string | null;
  // A panel under a row (its own full-width row; under the card on phones), e.g. a reminder form.
  renderExpanded?: (row: TData) => ReactNode;
  // False when the list brings its own pagination.
  showPagination?: boolean;
  rowClassName?: (row: TData) => string | undefined;
};

const INTERACTIVE = "a,button,input,select,textarea,label,summary,details,[role=menu],[role=menuitem],[role=dialog]";

const DESKTOP_QUERY = "(min-width: 768px)";

// Which of the two renderings is on screen, so a row's panel (a form) exists only once.
function useIsDesktop(): boolean {
  return useSyncExternalStore(
    (callback) => {
      const media = window.matchMedia(DESKTOP_QUERY);
      media.addEventListener("change", callback);
      return () => media.removeEventListener("change", callback);
    },
    () => window.matchMedia(DESKTOP_QUERY).matches,
    () => true,
  );
}

function columnLabel<TData>(column: { id: string; columnDef: ColumnDef<TData, unknown> }): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === "string" ? header : column.id);
}

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
  tableId,
  rowHref,
  onRowClick,
  selectedRowId,
  renderExpanded,
  showPagination = true,
  rowClassName,
}: DataTableProps<TData>) {
  const pathname = usePathname();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const captionId = useId();
  const perPageId = useId();
  const [preferences, setPreferences, preferencesError] = useTablePreferences(tableId);
  const isDesktop = useIsDesktop();
  const [chooserOpen, setChooserOpen] = useState(false);
  const identifyingId = columns[0]?.id ?? (columns[0] as { accessorKey?: string } | undefined)?.accessorKey;
  // The page's own rules (e.g. no partner column for partners) win over the user's choice,
  // and the identifying column can never be hidden.
  const visibility: VisibilityState = {
    ...Object.fromEntries(preferences.hidden.filter((id) => id !== identifyingId).map((id) => [id, false])),
    ...(columnVisibility ?? {}),
  };

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
    state: { sorting, pagination, columnVisibility: visibility },
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
  const compact = preferences.density === "compact";
  const cut = useCutCells<HTMLDivElement>(`${data.length}:${visibleColumnCount}:${compact}:${data.map(getRowId).join()}`);
  const clickable = Boolean(rowHref || onRowClick);

  const openRow = (row: Row<TData>, event: MouseEvent<HTMLElement>) => {
    if ((event.target as Element).closest(INTERACTIVE)) return;
    // Selecting text to copy it is not a click on the row.
    if (window.getSelection()?.toString()) return;
    if (onRowClick) {
      onRowClick(row.original);
      return;
    }
    if (!rowHref) return;
    const href = rowHref(row.original);
    if (event.metaKey || event.ctrlKey) window.open(href, "_blank", "noopener");
    else router.push(href);
  };

  const renderCell = (cell: Cell<TData, unknown>) => {
    const content = flexRender(cell.column.columnDef.cell, cell.getContext());
    const meta = cell.column.columnDef.meta;
    if (meta?.truncate === false) return content;
    return <span className={meta?.align === "right" ? `${CUT_CLASS} dt-right` : CUT_CLASS}>{content}</span>;
  };

  const chooserColumns = table.getAllLeafColumns().filter((c) => c.id !== identifyingId && columnVisibility?.[c.id] !== false);

  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <p className="text-sm text-slate-700" aria-live="polite">
          {countLabel(total)}
        </p>
        <div className="flex items-center gap-2">
          {isPending ? (
            <p className="text-xs text-slate-500" role="status">
              Chargement…
            </p>
          ) : null}
          {preferencesError ? (
            <p className="text-xs text-red-700" role="alert">
              {preferencesError}
            </p>
          ) : null}
          {tableId ? (
            <>
              <DensityToggle density={preferences.density} onChange={(density) => setPreferences({ density })} />
              {chooserColumns.length > 0 ? (
                <details className="relative hidden md:block" onToggle={(event) => setChooserOpen(event.currentTarget.open)}>
                  <summary className={cn(buttonClasses("secondary", "sm"), "list-none [&::-webkit-details-marker]:hidden")}>
                    Colonnes
                  </summary>
                  {/* Rendered only while open, so its labels never stand in for the page's fields. */}
                  {chooserOpen ? (
                    <fieldset className="absolute right-0 z-30 mt-1 w-56 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
                      <legend className="sr-only">Colonnes affichées</legend>
                      <ul className="space-y-1.5">
                        {chooserColumns.map((c) => (
                          <li key={c.id}>
                            <label className="flex items-center gap-2 text-sm text-slate-700">
                              <input
                                type="checkbox"
                                className="h-4 w-4 rounded border-slate-300 text-brand-600"
                                checked={c.getIsVisible()}
                                onChange={(event) => {
                                  const hidden = new Set(preferences.hidden);
                                  if (event.target.checked) hidden.delete(c.id);
                                  else hidden.add(c.id);
                                  setPreferences({ hidden: [...hidden] });
                                }}
                              />
                              {columnLabel(c)}
                            </label>
                          </li>
                        ))}
                      </ul>
                    </fieldset>
                  ) : null}
                </details>
              ) : null}
            </>
          ) : null}
        </div>
      </div>

      <div
        // Its own scroll box (capped height): the header sticks to its top and the horizontal
        // scrollbar is in view, not 100 rows down.
        className="relative hidden max-h-[70vh] overflow-auto focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-600 md:block"
        // Keyboard users must be able to scroll a table wider than a phone.
        tabIndex={0}
        role="region"
        aria-labelledby={captionId}
        ref={cut.ref}
        {...cut.handlers}
      >
        {cut.bubble}
        <table className={cn("min-w-full divide-y divide-slate-200 text-sm", compact && "dt-compact", isPending && "opacity-60")}>
          <caption id={captionId} className="sr-only">
            {caption}
          </caption>
          <thead className="sticky top-0 z-20 bg-slate-50 shadow-[0_1px_0_var(--color-slate-200)]">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  const sticky = header.column.id === identifyingId;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={cn("dt-th", sticky && "dt-id", header.column.columnDef.meta?.align === "right" && "dt-right")}
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
                {/* Said once, in whichever rendering is on screen. */}
                <td colSpan={visibleColumnCount}>{isDesktop ? emptyState : null}</td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => {
                const expanded = isDesktop ? renderExpanded?.(row.original) : null;
                return (
                  <Fragment key={row.id}>
                    <tr
                      onClick={clickable ? (event) => openRow(row, event) : undefined}
                      className={cn(clickable && "cursor-pointer", row.id === selectedRowId && "dt-selected bg-brand-50", rowClassName?.(row.original)) || undefined}
                    >
                      {row.getVisibleCells().map((cell) => (
                        <td key={cell.id} className={cell.column.id === identifyingId ? "dt-td dt-id" : "dt-td"}>
                          {renderCell(cell)}
                        </td>
                      ))}
                    </tr>
                    {expanded ? (
                      <tr className="bg-slate-50">
                        <td colSpan={visibleColumnCount} className="px-4 py-3">
                          {expanded}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })
            )}
          </tbody>
        </table>
      </div>

      <div className={cn("md:hidden", isPending && "opacity-60")}>
        {table.getRowModel().rows.length === 0 ? (
          isDesktop ? null : emptyState
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={caption}>
            {table.getRowModel().rows.map((row) => (
              <RowCard
                key={row.id}
                row={row}
                identifyingId={identifyingId}
                selected={row.id === selectedRowId}
                onClick={clickable ? (event) => openRow(row, event) : undefined}
                expanded={isDesktop ? null : renderExpanded?.(row.original)}
                className={rowClassName?.(row.original)}
              />
            ))}
          </ul>
        )}
      </div>

      {showPagination ? (
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
            <PagerLink href={pageHref(page - 1)} enabled={table.getCanPreviousPage()}>
              Précédent
            </PagerLink>
            <p className="text-sm whitespace-nowrap text-slate-700">
              Page {page} sur {pageCount}
            </p>
            <PagerLink href={pageHref(page + 1)} enabled={table.getCanNextPage()}>
              Suivant
            </PagerLink>
          </div>
        )}
      </nav>
      ) : null}
    </div>
  );
}

// A phone's view of one row: title, two key facts, status badge and main action.
function RowCard<TData>({
  row,
  identifyingId,
  selected,
  onClick,
  expanded,
  className,
}: {
  row: Row<TData>;
  identifyingId: string | undefined;
  selected: boolean;
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  expanded?: ReactNode;
  className?: string;
}) {
  const cells = row.getAllCells();
  const slot = (name: CardSlot) => cells.filter((cell) => cell.column.columnDef.meta?.card === name);
  const title = slot("title")[0] ?? cells.find((cell) => cell.column.id === identifyingId);
  const facts = slot("fact").slice(0, 2);
  const status = slot("status");
  const action = slot("action")[0];
  const render = (cell: Cell<TData, unknown>) => flexRender(cell.column.columnDef.cell, cell.getContext());
  return (
    <li onClick={onClick} className={cn("dt-card", onClick && "cursor-pointer", selected && "bg-brand-50", className)}>
      <div className="dt-card-head">
        <div className="dt-card-title">{title ? render(title) : null}</div>
        {status.length > 0 ? <div className="dt-card-status">{status.map((cell) => <Fragment key={cell.id}>{render(cell)}</Fragment>)}</div> : null}
      </div>
      {facts.length > 0 ? (
        <dl className="dt-card-facts">
          {facts.map((cell) => (
            <Fragment key={cell.id}>
              <dt>{columnLabel(cell.column)}</dt>
              <dd>{render(cell)}</dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
      {action ? <div className="dt-card-action">{render(action)}</div> : null}
      {expanded ? <div className="rounded-md bg-slate-50 p-3">{expanded}</div> : null}
    </li>
  );
}

function DensityToggle({ density, onChange }: { density: Density; onChange: (density: Density) => void }) {
  const compact = density === "compact";
  // Phones show cards, where density means nothing. The wrapper hides it: on the button itself,
  // `hidden` loses to the button's own `inline-flex`.
  return (
    <span className="hidden md:block">
      <button
        type="button"
        aria-pressed={compact}
        onClick={() => onChange(compact ? "comfortable" : "compact")}
        className={cn(buttonClasses("secondary", "sm"), compact && "bg-slate-100")}
      >
        Affichage compact
      </button>
    </span>
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
