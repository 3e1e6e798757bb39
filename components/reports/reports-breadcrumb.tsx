import Link from "next/link";

// The way back to « Rapports » above a report's title.
export function ReportsBreadcrumb({ trail = [] }: { trail?: { href: string; label: string }[] }) {
  const links = [{ href: "/rapports", label: "Rapports" }, ...trail];
  return (
    <nav aria-label="Fil d'Ariane" className="mb-1 text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-slate-600">
        {links.map((link, i) => (
          <li key={link.href} className="flex items-center gap-1">
            {i > 0 ? <span aria-hidden="true">›</span> : null}
            <Link href={link.href} className="text-brand-700 hover:underline">
              {link.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
