"use server";

import { redirect } from "next/navigation";
import { unsubscribeSchema } from "@/lib/campaigns/schemas";
import { resubscribeContact } from "@/lib/campaigns/resubscribe-contact";
import { unsubscribeContact } from "@/lib/campaigns/unsubscribe-contact";
import { db } from "@/lib/db";

// The public confirmation button (no session): the signed token is the only credential, and a
// server action only answers same-origin POSTs. Back to the page, which now says it is done,
// or answers 404 for a token that does not verify.
export async function unsubscribeFormAction(formData: FormData): Promise<void> {
  const parsed = unsubscribeSchema.safeParse({ token: formData.get("token") });
  const token = parsed.success ? parsed.data.token : "";
  if (token) await unsubscribeContact(db, token);
  redirect(`/desabonnement/${encodeURIComponent(token || "lien-invalide")}`);
}

// « Annuler le désabonnement », from the confirmation page: same credential, same answer shape.
export async function resubscribeFormAction(formData: FormData): Promise<void> {
  const parsed = unsubscribeSchema.safeParse({ token: formData.get("token") });
  const token = parsed.success ? parsed.data.token : "";
  if (token) await resubscribeContact(db, token);
  redirect(`/desabonnement/${encodeURIComponent(token || "lien-invalide")}?reabonne=1`);
}
