// What the per-request check keeps of a user row: whether that user may still act (active,
// organisation active) is decided here, from the database.
import "server-only";
import type { Actor } from "@/lib/auth/actor";

export const actorSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  partnerId: true,
  active: true,
  partner: { select: { active: true } },
} as const;

type ActorRow = {
  id: string;
  email: string;
  name: string;
  role: Actor["role"];
  partnerId: string | null;
  active: boolean;
  partner: { active: boolean } | null;
};

// A deactivated user, or a user of a deactivated partner organisation, may not act.
export function toActiveActor(row: ActorRow | null): Actor | null {
  if (!row || !row.active) return null;
  if (row.partner && !row.partner.active) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, partnerId: row.partnerId };
}
