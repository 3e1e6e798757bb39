import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PublicShell } from "@/components/public/public-shell";

// The public page an e-mail recipient lands on from a campaign's unsubscribe link: no menu, no account.
export const metadata: Metadata = {
  title: "Se désabonner",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default function UnsubscribeLayout({ children }: { children: ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
