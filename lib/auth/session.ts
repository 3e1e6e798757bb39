import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { getAuthOptions } from "@/lib/auth/options";
import { can, type Permission } from "@/lib/auth/permissions";
import { PATHNAME_HEADER } from "@/lib/auth/public-paths";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { db } from "@/lib/db";

// The signed-in user of this request, or null. The session only proves who the user was at
// sign-in; the database says whether they may still act, so it is asked on every request
// (once: React's cache() shares the answer across the request's components).
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(getAuthOptions());
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadActor(userId, db);
});

// For pages and layouts: sends anonymous (or deactivated) users to the sign-in page, which
// brings them back here afterwards.
export async function requireUser(): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  const requested = safeCallbackUrl((await headers()).get(PATHNAME_HEADER), "/");
  redirect(requested === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(requested)}`);
}

// A page the actor's role may not see answers 404, like a record outside their scope.
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireUser();
  if (!can(actor.role, permission)) notFound();
  return actor;
}
