// Writes the authentication log (« Journal de sécurité »). Never given a password, code or token.
import "server-only";
import type { AuthEventKind } from "@/lib/accounts/labels";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/prisma-client";

export type AuthEventInput = {
  kind: AuthEventKind;
  userId?: string | null;
  email?: string | null;
  actorId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Prisma.InputJsonValue;
};

export async function recordAuthEvent(db: DbClient, event: AuthEventInput): Promise<void> {
  await db.authEvent.create({
    data: {
      kind: event.kind,
      userId: event.userId ?? null,
      email: event.email ? event.email.slice(0, 254) : null,
      actorId: event.actorId ?? null,
      ip: event.ip ?? null,
      userAgent: event.userAgent ? event.userAgent.slice(0, 400) : null,
      details: event.details,
    },
    select: { id: true },
  });
}
