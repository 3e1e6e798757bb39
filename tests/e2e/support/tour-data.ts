// The data of the long-data tour (tests/e2e/tour-journey.spec.ts): 220 files, half of them with
// 120-character company names, long cities and long contact names, so that every main list holds
// at least its page size of long rows. Built from the factories shared with the demo seed, on top
// of the demo data (the demo accounts are found by e-mail). Run by the spec in its own process:
// `node --import tsx tests/e2e/support/tour-data.ts` with DATABASE_URL set.
import type { DbClient } from "@/lib/prisma-client";
import type { ProspectStage, ProspectStatus } from "@/lib/generated/prisma/enums";
import { createPrismaClient } from "@/lib/prisma-client";
import {
  createAction,
  createContact,
  createInvoice,
  createOpportunity,
  createPartner,
  createProspect,
  createUser,
  ensureReferenceData,
  sirenFrom,
} from "@/tests/factories";
import { TOUR_MARKER, TOUR_PROSPECTS, tourCompanyName } from "./tour-names";

const DAY = 86_400_000;
const HOUR = 3_600_000;

const LONG_CITY = "Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson";
const LONG_LAST_NAME = "de La Rochefoucauld-Montmorency-Beauharnais";
const LONG_JOB = "Directrice administrative, financière et des systèmes d'information";

function plan(index: number): { status: ProspectStatus; stage: ProspectStage } {
  if (index % 4 === 0) return { status: "READY_TO_START", stage: index % 8 === 0 ? "PROSPECT" : "ONBOARDING" };
  if (index % 10 === 2) return { status: "READY_TO_START", stage: "CLIENT" };
  if (index % 10 === 3) return { status: "NOT_INTERESTED", stage: "PROSPECT" };
  return { status: "IN_DISCUSSION", stage: "PROSPECT" };
}

async function userId(db: DbClient, email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return user.id;
}

export async function seedTourData(db: DbClient, now = new Date()): Promise<{ skipped: boolean }> {
  if ((await db.prospect.count({ where: { name: { startsWith: `${TOUR_MARKER} ` } } })) >= TOUR_PROSPECTS) {
    return { skipped: true };
  }
  const refs = await ensureReferenceData(db);
  const type = (name: string) => refs.actionTypes.find((t) => t.name === name)!.id;
  const openStages = refs.pipelineStages.filter((s) => s.kind === "IN_PROGRESS");
  const sales = await userId(db, "commercial@demo.fr");
  const sales2 = await userId(db, "commercial2@demo.fr");
  const manager = await userId(db, "manager@demo.fr");
  const admin = await userId(db, "admin@demo.fr");
  const partnerUser = await userId(db, "partenaire@demo.fr");
  const partnerA = (await db.user.findUniqueOrThrow({ where: { id: partnerUser }, select: { partnerId: true } })).partnerId!;
  const otherPartners = await db.partner.findMany({ where: { id: { not: partnerA } }, select: { id: true }, take: 2, orderBy: { name: "asc" } });
  const reps = [sales, sales2];
  // Monday 00:00 UTC of the current week, for appointments that the week view shows.
  const monday = new Date(now);
  monday.setUTCHours(0, 0, 0, 0);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));

  const prospectIds: string[] = [];
  for (let i = 0; i < TOUR_PROSPECTS; i++) {
    const { status, stage } = plan(i);
    const long = i % 2 === 0;
    // Every other file is partner A's, so the partner's own lists hold more than a page too.
    const partnerId = i % 2 === 0 ? partnerA : i % 5 === 1 ? null : otherPartners[i % 2]?.id ?? null;
    const ownerId = reps[i % 2]!;
    const createdAt = new Date(now.getTime() - (TOUR_PROSPECTS - i) * HOUR);
    const prospect = await createProspect(db, {
      name: long ? tourCompanyName(i) : `${TOUR_MARKER} ${String(i).padStart(3, "0")} Boulangerie Moreau`,
      legalName: long ? tourCompanyName(i).toUpperCase() : null,
      siren: sirenFrom(91_000_000 + i * 311),
      city: i % 3 === 0 ? LONG_CITY : "Lyon",
      street: `${i + 1} boulevard du Maréchal-de-Lattre-de-Tassigny, bâtiment des Grandes Côtes`,
      partnerId,
      ownerId,
      createdById: partnerId === partnerA ? partnerUser : ownerId,
      typeId: refs.prospectTypes[i % refs.prospectTypes.length]!.id,
      originId: refs.origins[i % refs.origins.length]!.id,
      status,
      stage,
      readyAt: status === "READY_TO_START" ? new Date(createdAt.getTime() + 30 * 60_000) : null,
      revenueCurrentYearCents: BigInt(1_410_000_00 + i * 1_000_00),
      revenueForecastCents: BigInt(1_600_000_00 + i * 1_000_00),
      createdAt,
    });
    prospectIds.push(prospect.id);
    await createContact(db, {
      prospectId: prospect.id,
      civility: i % 2 === 0 ? "MRS" : "MR",
      lastName: long ? `${LONG_LAST_NAME} ${i}` : `Moreau ${i}`,
      firstName: long ? "Marie-Charlotte-Éléonore" : "Luc",
      jobTitle: long ? LONG_JOB : "Gérant",
      landlinePhone: `+3314${String(2_000_000 + i).padStart(7, "0")}`,
      mobilePhone: `+3366${String(1_000_000 + i).padStart(7, "0")}`,
      email: `marie-charlotte.rochefoucauld-montmorency.${i}@compagnie-generale-transports-grand-est.test`,
      isFavorite: true,
    });

    // Done: the « actions faites » report and the file's history.
    await createAction(db, {
      prospectId: prospect.id,
      typeId: type("Appel téléphonique"),
      subject: `Premier appel de présentation au dirigeant et à la direction financière (${i})`,
      dueAt: new Date(createdAt.getTime() + HOUR),
      done: true,
      doneAt: new Date(createdAt.getTime() + HOUR),
      outcome: "Intéressé par le financement des factures fournisseurs, souhaite une proposition chiffrée.",
      assigneeId: ownerId,
      createdById: ownerId,
    });
    // Open tasks of the whole team, some overdue: « Tâches » and « Prochaines actions ».
    await createAction(db, {
      prospectId: prospect.id,
      typeId: type(i % 3 === 0 ? "Tâche" : "Envoi de documentation"),
      subject: `Relancer le dirigeant au sujet de la proposition de financement des factures fournisseurs (${i})`,
      dueAt: new Date(now.getTime() + ((i % 20) - 6) * DAY + (i % 9) * HOUR),
      assigneeId: [sales, sales2, manager][i % 3],
      createdById: ownerId,
    });
    // Appointments this week, for the calendar's month and week views.
    if (i % 4 === 1) {
      const start = new Date(monday.getTime() + ((i >> 2) % 7) * DAY + (7 + (i % 9)) * HOUR);
      await createAction(db, {
        prospectId: prospect.id,
        typeId: type(i % 8 === 1 ? "Rendez-vous" : "Visioconférence"),
        subject: `Rendez-vous de découverte avec la direction générale et la direction financière (${i})`,
        dueAt: start,
        startAt: start,
        endAt: new Date(start.getTime() + HOUR),
        assigneeId: reps[(i >> 2) % 2],
        createdById: ownerId,
      });
    }
    // Opportunities on every open column (several per column), some late.
    if (i % 2 === 0) {
      await createOpportunity(db, {
        prospectId: prospect.id,
        ownerId,
        stageId: openStages[(i / 2) % openStages.length]!.id,
        status: "OPEN",
        title: `Programme de financement des fournisseurs stratégiques et enveloppe de trésorerie ${i}`,
        amountCents: 1_410_000_00 + i * 1_000_00,
        expectedCloseDate: new Date(now.getTime() + ((i % 14) - 7) * DAY),
      });
    }
    if (stage === "CLIENT") {
      for (const [k, invoiceStatus] of (["SUBMITTED", "VALIDATED", "FINANCED"] as const).entries()) {
        await createInvoice(db, {
          clientId: prospect.id,
          status: invoiceStatus,
          at: new Date(now.getTime() - (k + 1) * DAY),
          supplierName: tourCompanyName(i + 1000),
          supplierSiren: sirenFrom(92_000_000 + i * 7 + k),
          number: `FAC-TOURNEE-${String(i).padStart(3, "0")}-${k}`,
        });
      }
    }
  }

  // A campaign whose 220 pending e-mails are listed on its page.
  const campaign = await db.campaign.create({
    data: {
      name: `${TOUR_MARKER} — invitation au petit-déjeuner des dirigeants du Grand Est et de Bourgogne-Franche-Comté`,
      subjectTemplate: "Invitation pour {{company}}",
      bodyTemplate: "Bonjour {{civility}} {{lastName}},\n\nNous serions ravis de vous accueillir.\n\n{{senderName}}",
      filter: { criteria: {}, savedAt: now.toISOString(), skipped: [] },
      status: "GENERATED",
      actionTypeId: type("E-mail"),
      createdById: sales,
    },
  });
  await db.action.createMany({
    data: prospectIds.map((prospectId, i) => ({
      prospectId,
      typeId: type("E-mail"),
      subject: `Invitation pour ${tourCompanyName(i)}`,
      notes: "Bonjour Madame,\n\nNous serions ravis de vous accueillir.\n\nJulie Petit",
      dueAt: now,
      assigneeId: sales,
      createdById: sales,
      campaignId: campaign.id,
    })),
  });

  // Custom lists with every column, for the sales rep and the manager.
  for (const ownerId of [sales, manager]) {
    await db.savedList.create({
      data: {
        ownerId,
        name: `${TOUR_MARKER} — tous les prospects`,
        entity: "PROSPECT",
        columns: ["name", "legalName", "siren", "city", "status", "stage", "owner", "partner", "contactName", "contactEmail", "revenueCurrentYear", "createdAt"],
        filters: {},
      },
    });
  }

  // Notifications: more than a page for each demo account of the tour.
  for (const [u, owner] of [sales, manager, admin, partnerUser].entries()) {
    await db.notification.createMany({
      data: Array.from({ length: 210 }, (_, k) => ({
        userId: owner,
        kind: k % 2 === 0 ? ("PROSPECT_READY" as const) : ("REMINDER" as const),
        title: `Le dossier ${tourCompanyName(k)} est prêt à démarrer`,
        body: "Le partenaire a passé le dossier en « Prêt à démarrer » : contactez le client sous 48 heures.",
        link: `/prospects/${prospectIds[k % prospectIds.length]}`,
        readAt: k % 3 === 0 ? now : null,
        // Already shown as toasts: 140 unread reminders popping up would cover every screenshot.
        shownAt: now,
        dedupeKey: `tournee-${u}-${k}`,
        createdAt: new Date(now.getTime() - k * 60_000),
      })),
    });
  }

  // « Boîte d'envoi »: sent messages (never picked up again by the worker) with long subjects.
  await db.outboxEmail.createMany({
    data: Array.from({ length: 60 }, (_, k) => ({
      dedupeKey: `tournee-envoi-${k}`,
      toAddresses: [`marie-charlotte.rochefoucauld-montmorency.${k}@compagnie-generale-transports-grand-est.test`],
      subject: `Invitation pour ${tourCompanyName(k)}`,
      html: "<p>Bonjour Madame,</p><p>Nous serions ravis de vous accueillir.</p>",
      text: "Bonjour Madame,\n\nNous serions ravis de vous accueillir.",
      status: "SENT" as const,
      transport: "smtp",
      attempts: 1,
      sentAt: new Date(now.getTime() - k * 60_000),
      createdAt: new Date(now.getTime() - k * 60_000),
    })),
  });

  // Administration: partner organisations and accounts with long names.
  for (let k = 0; k < 30; k++) {
    const partner = await createPartner(db, { name: tourCompanyName(2000 + k), siren: sirenFrom(93_000_000 + k * 13) });
    await createUser(db, {
      role: "PARTNER",
      partnerId: partner.id,
      name: `Marie-Charlotte-Éléonore ${LONG_LAST_NAME} ${k}`,
      email: `marie-charlotte.rochefoucauld-montmorency.${k}@compagnie-generale-transports-grand-est.test`,
      // Never signs in: any hash will do, and hashing 30 passwords would be the slow part.
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$dG91cm5lZQ$0000000000000000000000000000000000000000000",
    });
  }
  return { skipped: false };
}

// Run as a script by the tour spec.
if (process.argv[1]?.endsWith("tour-data.ts")) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  const db = createPrismaClient(url, { max: 2 });
  try {
    const result = await seedTourData(db);
    console.log(result.skipped ? "tour data already present" : "tour data created");
  } finally {
    await db.$disconnect();
  }
}
