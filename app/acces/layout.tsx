import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PublicShell } from "@/components/public/public-shell";

// Public pages of the invitation and reset links: the same shell as every page opened from an
// e-mail, never a link into the staff app.
export const metadata: Metadata = {
  title: "Votre mot de passe",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default function AccessLayout({ children }: { children: ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
