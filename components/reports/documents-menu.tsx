// « Documents » on a prospect or customer file: the way into the reports (seed 003, § 8).
// A native <details> disclosure: keyboard- and screen-reader-friendly with no script.
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

const REPORT_LINKS = [
  { href: "/rapports/actions-faites", label: "Actions faites" },
  { href: "/rapports/actions-non-faites", label: "Actions non faites" },
  { href: "/rapports/chiffre-affaires", label: "Chiffre d'affaires par commercial" },
  { href: "/rapports/listes", label: "Listes sur mesure" },
] as const;

export function DocumentsMenu() {
  return (
    <details className="group relative">
      <summary className={`${buttonClasses("secondary", "sm")} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        Documents
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 transition-transform group-open:rotate-180" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <ul className="absolute right-0 z-10 mt-1 w-72 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
        {REPORT_LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="block px-3 py-2 text-slate-700 hover:bg-slate-50 hover:text-slate-900">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
