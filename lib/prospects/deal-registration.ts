import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/prisma-client";

// Deal registration: one active file per SIREN (a file closed « Pas intéressé, sans suite »
// frees it). The check runs in the save transaction; the partial unique index
// Prospect_active_siren_key is the backstop when two saves race.

export const SIREN_TAKEN_MESSAGE =
  "Cette entreprise est déjà enregistrée par un autre apporteur : elle ne peut pas être enregistrée une seconde fois. Contactez l'équipe commerciale si vous pensez qu'il s'agit d'une erreur.";
export const SIREN_ALREADY_YOURS_MESSAGE =
  "Vous avez déjà enregistré cette entreprise : ouvrez son dossier existant pour le compléter.";
export const SIREN_HAS_FILE_MESSAGE =
  "Cette entreprise a déjà un dossier actif : ouvrez le dossier existant plutôt que d'en créer un second.";
export const SIREN_INDEX = "Prospect_active_siren_key";

// Carries the existing file's id only when the actor may open it (their own organisation's
// file, or any file for the internal team), so a partner never learns who holds a SIREN.
export class DuplicateProspectError extends AppError {
  readonly existingProspectId: string | null;

  constructor(existingProspectId: string | null, message = existingProspectId ? SIREN_ALREADY_YOURS_MESSAGE : SIREN_TAKEN_MESSAGE) {
    super("CONFLICT", message, { siren: [message] });
    this.name = "DuplicateProspectError";
    this.existingProspectId = existingProspectId;
  }
}

// Throws DuplicateProspectError when another active file holds the SIREN.
export async function assertSirenAvailable(
  db: DbClient,
  actor: Actor,
  { siren, prospectId }: { siren: string; prospectId: string | null },
): Promise<void> {
  const holder = await db.prospect.findFirst({
    where: { siren, status: { not: "NOT_INTERESTED" }, ...(prospectId ? { id: { not: prospectId } } : {}) },
    select: { id: true, partnerId: true },
  });
  if (!holder) return;
  throw duplicateFor(actor, holder);
}

export function duplicateFor(actor: Actor, holder: { id: string; partnerId: string | null }): DuplicateProspectError {
  if (can(actor.role, "prospect:read:any")) return new DuplicateProspectError(holder.id, SIREN_HAS_FILE_MESSAGE);
  const own = actor.partnerId !== null && holder.partnerId === actor.partnerId;
  return new DuplicateProspectError(own ? holder.id : null);
}

// Which unique index a P2002 names. Prisma 7 with a driver adapter reports it under
// meta.driverAdapterError; the classic engine under meta.target.
export function uniqueViolationIndex(error: unknown): string | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const meta = (error.meta ?? {}) as Record<string, unknown>;
  const adapter = meta.driverAdapterError as { cause?: { constraint?: { index?: string; fields?: string[] } } } | undefined;
  const index = adapter?.cause?.constraint?.index;
  if (index) return index;
  const target = meta.target;
  if (typeof target === "string") return target;
  if (Array.isArray(target)) return target.join(",");
  const fields = adapter?.cause?.constraint?.fields;
  return fields ? fields.join(",") : "";
}
