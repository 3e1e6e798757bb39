import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/layout/not-found-message";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <main id="contenu" className="px-4">
      <NotFoundMessage />
    </main>
  );
}
