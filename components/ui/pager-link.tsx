import type { ReactNode } from "react";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { LinkPending } from "@/components/ui/link-pending";

// « Précédent », « Suivant »… as links; a page that does not exist is shown, not linked.
export function PagerLink({ href, enabled, children }: { href: string; enabled: boolean; children: ReactNode }) {
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
