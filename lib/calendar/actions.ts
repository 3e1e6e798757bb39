"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { authedAction } from "@/lib/auth/action";
import { createAppointment } from "@/lib/calendar/create-appointment";
import { createCalendarFeedLink, revokeCalendarFeedLink } from "@/lib/calendar/feed";
import { moveAppointment } from "@/lib/calendar/move-appointment";
import {
  createAppointmentSchema,
  moveAppointmentSchema,
  type CreateAppointmentInput,
  type MoveAppointmentInput,
} from "@/lib/calendar/schemas";
import { db } from "@/lib/db";

const PERMISSION = { permission: "action:manage:any" } as const;

const create = authedAction(
  createAppointmentSchema,
  async (input, actor) => {
    const created = await createAppointment(db, actor, input);
    return { id: created.id };
  },
  PERMISSION,
);

export async function createAppointmentAction(input: CreateAppointmentInput): Promise<ActionResult<{ id: string }>> {
  return create(input);
}

const move = authedAction(
  moveAppointmentSchema,
  async (input, actor) => {
    const moved = await moveAppointment(db, actor, input);
    return { id: moved.id, startAt: moved.startAt.toISOString(), endAt: moved.endAt.toISOString() };
  },
  PERMISSION,
);

// Drag and drop and the « Déplacer » dialog: `startAt` is the new start in Paris time
// ("YYYY-MM-DDTHH:MM"); the duration is kept.
export async function moveAppointmentAction(
  input: MoveAppointmentInput,
): Promise<ActionResult<{ id: string; startAt: string; endAt: string }>> {
  return move(input);
}

const createFeed = authedAction(z.object({}), (_input, actor) => createCalendarFeedLink(db, actor), PERMISSION);

// « Créer mon lien d'abonnement » / « Générer un nouveau lien »: the URL comes back once.
export async function createCalendarFeedLinkAction(): Promise<ActionResult<{ url: string }>> {
  return createFeed({});
}

const revokeFeed = authedAction(z.object({}), (_input, actor) => revokeCalendarFeedLink(db, actor), PERMISSION);

export async function revokeCalendarFeedLinkAction(): Promise<ActionResult<void>> {
  return revokeFeed({});
}
