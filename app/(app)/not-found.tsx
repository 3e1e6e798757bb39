import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/layout/not-found-message";

export const metadata: Metadata = { title: "Page introuvable" };

// Inside the app shell, so the menu bar stays when a record is out of reach.
export default function AppNotFound() {
  return <NotFoundMessage />;
}
