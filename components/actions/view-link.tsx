import Link from "next/link";
import { LinkPending } from "@/components/ui/link-pending";

// The seed's « lunettes »: the small glasses that open an opportunity or an action. The icon is
// decorative; the link's name says what it opens (« Voir l'action Premier appel »).
export function ViewLink({ href, label }: { href: string; label: string }) {
  return (
    <Link
      href={href}
      aria-label={label}
      title={label}
      className="relative inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" className="h-5 w-5">
        <circle cx="6.5" cy="14" r="3.5" />
        <circle cx="17.5" cy="14" r="3.5" />
        <path d="M10 14c1.2-1 2.8-1 4 0M3 14l1.5-6.5C4.8 6.5 5.5 6 6.5 6M21 14l-1.5-6.5C19.2 6.5 18.5 6 17.5 6" strokeLinecap="round" />
      </svg>
      <LinkPending className="absolute" />
    </Link>
  );
}
