import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PublicShell } from "@/components/public/public-shell";

// Public pages for the client, outside the app shell: no menu, no account.
export const metadata: Metadata = {
  title: "Finaliser votre inscription",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default function OnboardingLayout({ children }: { children: ReactNode }) {
  return <PublicShell subtitle="Ouverture de votre compte">{children}</PublicShell>;
}
