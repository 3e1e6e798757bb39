// « Exporter en CSV » / « Exporter en XLSX »: plain download links to the export routes, with
// the filters being shown.
import { buttonClasses } from "@/components/ui/button";
import { hrefWith } from "@/lib/url";

export function ExportLinks({
  basePath,
  query = {},
  xlsxNotice,
}: {
  // e.g. /api/reports/actions-faites or /api/reports/listes/<id>
  basePath: string;
  query?: Readonly<Record<string, string>>;
  // Shown instead of the XLSX link when the selection is over the cap.
  xlsxNotice?: string | null;
}) {
  const exportQuery = Object.fromEntries(Object.entries(query).filter(([key]) => key !== "page" && key !== "perPage"));
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2">
        <a href={hrefWith(`${basePath}/csv`, exportQuery)} download className={buttonClasses("secondary", "md")}>
          Exporter en CSV
        </a>
        {xlsxNotice ? null : (
          <a href={hrefWith(`${basePath}/xlsx`, exportQuery)} download className={buttonClasses("secondary", "md")}>
            Exporter en XLSX
          </a>
        )}
      </div>
      {xlsxNotice ? <p className="max-w-md text-xs text-slate-600">{xlsxNotice}</p> : null}
    </div>
  );
}
