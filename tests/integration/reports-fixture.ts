// Known data for the reports' integration tests: two reps, two partners with distinct origins
// and prospect types, actions done and not done around Paris month boundaries, and won, lost
// and open opportunities.
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/prisma-client";
import {
  createAction,
  createOpportunity,
  createPartner,
  createProspect,
  createUser,
  ensureReferenceData,
} from "@/tests/factories";

export const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

export const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

export async function createReportsFixture(db: Db) {
  const ref = await ensureReferenceData(db);
  const call = ref.actionTypes.find((t) => t.category === "CALL")!;
  const meeting = ref.actionTypes.find((t) => t.name === "Rendez-vous")!;
  const [typeT1, typeT2] = ref.prospectTypes;
  const [originO1, originO2] = ref.origins;
  const won = ref.pipelineStages.find((s) => s.kind === "WON")!;
  const lost = ref.pipelineStages.find((s) => s.kind === "LOST")!;
  const open = ref.pipelineStages.find((s) => s.kind === "IN_PROGRESS")!;

  const orgP1 = await createPartner(db, { name: "Cabinet Un" });
  const orgP2 = await createPartner(db, { name: "Cabinet Deux" });
  const manager = toActor(await createUser(db, { role: "MANAGER", name: "Marie Manager", passwordHash }));
  const repA = toActor(await createUser(db, { role: "SALES", name: "Alice Rep", passwordHash }));
  const repB = toActor(await createUser(db, { role: "SALES", name: "Bruno Rep", passwordHash }));
  const partner = toActor(await createUser(db, { role: "PARTNER", partnerId: orgP1.id, passwordHash }));

  const p1 = await createProspect(db, {
    name: "Alpha Lyon",
    partnerId: orgP1.id,
    originId: originO1!.id,
    typeId: typeT1!.id,
    ownerId: repA.id,
    status: "IN_DISCUSSION",
  });
  const p2 = await createProspect(db, {
    name: "Beta Paris",
    partnerId: orgP2.id,
    originId: originO2!.id,
    typeId: typeT2!.id,
    ownerId: repB.id,
    status: "READY_TO_START",
  });

  const opportunity = (data: { prospectId: string; ownerId: string | null; amountCents: number; status: "WON" | "LOST" | "OPEN"; closedAt: string | null }) =>
    createOpportunity(db, {
      ...data,
      stageId: data.status === "WON" ? won.id : data.status === "LOST" ? lost.id : open.id,
      closedAt: data.closedAt ? new Date(data.closedAt) : null,
    });

  const o1 = await opportunity({ prospectId: p1.id, ownerId: repA.id, amountCents: 100_000, status: "WON", closedAt: "2026-01-31T23:30:00Z" }); // Paris: 1 Feb
  await opportunity({ prospectId: p1.id, ownerId: repA.id, amountCents: 50_000, status: "WON", closedAt: "2026-02-10T10:00:00Z" });
  await opportunity({ prospectId: p2.id, ownerId: repB.id, amountCents: 200_000, status: "WON", closedAt: "2026-03-31T21:59:59Z" }); // Paris: 31 Mar 23:59
  await opportunity({ prospectId: p2.id, ownerId: repB.id, amountCents: 30_000, status: "WON", closedAt: "2026-03-31T22:00:00Z" }); // Paris: 1 Apr
  await opportunity({ prospectId: p1.id, ownerId: null, amountCents: 10_000, status: "WON", closedAt: "2026-03-05T10:00:00Z" });
  await opportunity({ prospectId: p1.id, ownerId: repA.id, amountCents: 999_900, status: "LOST", closedAt: "2026-03-06T10:00:00Z" });
  await opportunity({ prospectId: p1.id, ownerId: repA.id, amountCents: 888_800, status: "OPEN", closedAt: null });
  await opportunity({ prospectId: p2.id, ownerId: repA.id, amountCents: 70_000, status: "WON", closedAt: "2026-03-10T10:00:00Z" });

  const done = (data: { prospectId: string; typeId: string; assigneeId: string; doneAt: string; subject: string; opportunityId?: string }) =>
    createAction(db, { ...data, done: true, doneAt: new Date(data.doneAt), dueAt: new Date(data.doneAt), outcome: "Client intéressé" });
  const a1 = await done({ prospectId: p1.id, typeId: call.id, assigneeId: repA.id, doneAt: "2026-03-10T10:00:00Z", subject: "Appel de qualification" });
  const a2 = await done({ prospectId: p2.id, typeId: meeting.id, assigneeId: repB.id, doneAt: "2026-03-31T22:30:00Z", subject: "Rendez-vous d'avril" }); // Paris: 1 Apr
  const a3 = await done({ prospectId: p1.id, typeId: call.id, assigneeId: repB.id, doneAt: "2026-02-28T23:30:00Z", subject: "=HYPERLINK(\"http://evil\")" }); // Paris: 1 Mar
  const a4 = await done({
    prospectId: p1.id,
    typeId: meeting.id,
    assigneeId: repA.id,
    doneAt: "2026-03-15T09:00:00Z",
    subject: "Étape de l'opportunité",
    opportunityId: o1.id,
  });

  const todo = (data: { prospectId: string; typeId: string; assigneeId: string; dueAt: string | null; subject: string }) =>
    createAction(db, { ...data, done: false, dueAt: data.dueAt ? new Date(data.dueAt) : null });
  const t1 = await todo({ prospectId: p1.id, typeId: call.id, assigneeId: repA.id, dueAt: "2026-03-05T09:00:00Z", subject: "Relancer Alpha" });
  const t2 = await todo({ prospectId: p2.id, typeId: meeting.id, assigneeId: repB.id, dueAt: "2026-04-10T09:00:00Z", subject: "Rendez-vous Beta" });
  const t3 = await todo({ prospectId: p1.id, typeId: call.id, assigneeId: repA.id, dueAt: null, subject: "Sans échéance" });

  return {
    ref,
    call,
    meeting,
    types: { t1: typeT1!, t2: typeT2! },
    origins: { o1: originO1!, o2: originO2! },
    partners: { p1: orgP1, p2: orgP2 },
    manager,
    repA,
    repB,
    partner,
    prospects: { p1, p2 },
    actions: { a1, a2, a3, a4, t1, t2, t3 },
  };
}
