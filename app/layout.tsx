import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Rendered per request, never prerendered: the CSP nonce set by proxy.ts is new on every
// response, and Next.js can only put it on its scripts when it renders the page then.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "CRM Partenaires", template: "%s · CRM Partenaires" },
  description: "Suivi des prospects apportés par les partenaires.",
  // app/icon.svg is the favicon for current browsers; public/ keeps the legacy and home-screen icons.
  icons: { apple: "/apple-touch-icon.png" },
  manifest: "/site.webmanifest",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
