// Demo data for a fresh install, built from the same factories as the tests.
// Idempotent: reference lists and demo users are upserted; the demo portfolio is created
// once, in one transaction, and skipped when it already exists.
import type { Db, DbClient } from "@/lib/prisma-client";
import type { InvoiceStatus, ProspectStage, ProspectStatus } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { seedCommissions } from "@/prisma/seed-commissions";
import { siretFromSiren } from "@/lib/validation/siren";
import {
  createAction,
  createContact,
  createInvoice,
  createOpportunity,
  createProspect,
  createRng,
  ensureReferenceData,
  sirenFrom,
  vatFromSiren,
  type ReferenceData,
  type Rng,
} from "@/tests/factories";

export const DEMO_PASSWORD = "Demo-CRM-2026";

export const DEMO_PARTNERS = [
  { key: "A", name: "Cabinet Durand Expertise Comptable", siren: "512345679", directRateBps: 150, networkRateBps: 50 },
  { key: "B", name: "Lefèvre Conseil & Associés", siren: "498765437", directRateBps: 120, networkRateBps: 0 },
  { key: "C", name: "Banque Saint-Clair Entreprises", siren: "381245679", directRateBps: 100, networkRateBps: 30 },
] as const;

export const DEMO_USERS = [
  { email: "admin@demo.fr", name: "Sophie Bernard", role: "ADMIN" },
  { email: "manager@demo.fr", name: "Marc Lemoine", role: "MANAGER" },
  { email: "commercial@demo.fr", name: "Julie Petit", role: "SALES" },
  { email: "commercial2@demo.fr", name: "Thomas Roux", role: "SALES" },
  { email: "partenaire@demo.fr", name: "Claire Durand", role: "PARTNER", partner: "A" },
  { email: "partenaire2@demo.fr", name: "Hugo Durand", role: "PARTNER", partner: "A" },
  { email: "conseil@demo.fr", name: "Nadia Lefèvre", role: "PARTNER", partner: "B" },
  { email: "conseil2@demo.fr", name: "Paul Lefèvre", role: "PARTNER", partner: "B" },
  { email: "banque@demo.fr", name: "Isabelle Marchand", role: "PARTNER", partner: "C" },
  { email: "banque2@demo.fr", name: "Karim Benali", role: "PARTNER", partner: "C" },
] as const;

const TRADES = [
  "Boulangerie", "Transports", "Menuiserie", "Imprimerie", "Garage", "Laboratoire", "Atelier",
  "Maison", "Distribution", "Bâtiment", "Conserverie", "Textiles",
] as const;
const FAMILY_NAMES = [
  "Dupont", "Moreau", "Laurent", "Girard", "Bonnet", "Roux", "Fournier", "Mercier", "Blanc", "Garnier",
  "Chevalier", "Faure", "Rousseau", "Vincent", "Muller", "Lefebvre", "Perrin", "Morel", "Gauthier", "Masson",
] as const;
const FIRST_NAMES = ["Camille", "Nicolas", "Sandrine", "Olivier", "Émilie", "Julien", "Nathalie", "Antoine", "Céline", "Mathieu"] as const;
const JOB_TITLES = ["Gérant", "Directrice financière", "Directeur général", "Responsable comptable", "Présidente", "DAF"] as const;
const CITIES = [
  { city: "Lyon", postalCode: "69002" }, { city: "Paris", postalCode: "75008" }, { city: "Marseille", postalCode: "13001" },
  { city: "Bordeaux", postalCode: "33000" }, { city: "Lille", postalCode: "59000" }, { city: "Nantes", postalCode: "44000" },
  { city: "Toulouse", postalCode: "31000" }, { city: "Strasbourg", postalCode: "67000" }, { city: "Rennes", postalCode: "35000" },
  { city: "Grenoble", postalCode: "38000" }, { city: "Dijon", postalCode: "21000" }, { city: "Clermont-Ferrand", postalCode: "63000" },
] as const;
const STREETS = ["rue de la République", "avenue Jean Jaurès", "boulevard Gambetta", "rue Victor Hugo", "place du Marché", "rue des Tanneurs"] as const;
const LEGAL_FORMS = ["SAS", "SARL", "SA", "EURL", "SASU"] as const;
const HEADCOUNTS = ["10 à 19 salariés", "20 à 49 salariés", "50 à 99 salariés", "100 à 199 salariés", "6 à 9 salariés"] as const;
const NAF_CODES = ["10.71C", "49.41A", "16.23Z", "18.12Z", "45.20A", "71.20B", "25.62B", "46.90Z", "41.20A", "13.92Z"] as const;

// 18 files per partner organisation plus 6 direct ones (60 in all): every status and stage is represented.
const PROFILE: ReadonlyArray<{ status: ProspectStatus; stage: ProspectStage }> = [
  ...Array.from({ length: 8 }, () => ({ status: "IN_DISCUSSION" as const, stage: "PROSPECT" as const })),
  { status: "READY_TO_START", stage: "PROSPECT" },
  { status: "READY_TO_START", stage: "ONBOARDING" },
  { status: "READY_TO_START", stage: "ONBOARDING" },
  { status: "READY_TO_START", stage: "CLIENT" },
  { status: "READY_TO_START", stage: "CLIENT" },
  { status: "READY_TO_START", stage: "CLIENT" },
  { status: "READY_TO_START", stage: "CLIENT" },
  { status: "NOT_INTERESTED", stage: "PROSPECT" },
  { status: "NOT_INTERESTED", stage: "PROSPECT" },
  { status: "IN_DISCUSSION", stage: "PROSPECT" },
];
const DIRECT_FILES = 6;

const DAY = 86_400_000;
const HOUR = 3_600_000;

// A whole hour on a day relative to `now` (UTC hours: demo data only needs round, plausible times).
function at(now: Date, days: number, hour: number): Date {
  const d = new Date(now);
  d.setUTCHours(0, 0, 0, 0);
  return new Date(d.getTime() + days * DAY + hour * HOUR);
}
const INVOICE_STATUSES: InvoiceStatus[] = ["SUBMITTED", "VALIDATED", "FINANCED", "PAID", "REJECTED"];

export type SeedResult = { skipped: boolean; prospects: number; users: number };

export async function seedDemoData(db: Db, options: { now?: Date } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const refs = await ensureReferenceData(db);

  const existing = await db.partner.count({ where: { name: { in: DEMO_PARTNERS.map((p) => p.name) } } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  if (existing === DEMO_PARTNERS.length) {
    await upsertDemoUsers(db, passwordHash, await partnerIdsByKey(db));
    return { skipped: true, prospects: 0, users: DEMO_USERS.length };
  }

  const prospects = await db.$transaction(
    async (tx) => {
      const partnerIds: Record<string, string> = {};
      for (const p of DEMO_PARTNERS) {
        const row = await tx.partner.create({
          data: {
            name: p.name,
            siren: p.siren,
            // In force since before the demo portfolio's history, so every demo invoice has terms.
            agreementVersions: {
              create: {
                startsOn: new Date(Date.UTC(now.getUTCFullYear() - 2, 0, 1)),
                directRateBps: p.directRateBps,
                networkRateBps: p.networkRateBps,
              },
            },
          },
        });
        partnerIds[p.key] = row.id;
      }
      const users = await upsertDemoUsers(tx, passwordHash, partnerIds);
      await createSalesTargets(tx, [users["commercial@demo.fr"].id, users["commercial2@demo.fr"].id], now);
      return createPortfolio(tx, refs, users, partnerIds, now);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  await seedCommissions(db, now);
  return { skipped: false, prospects, users: DEMO_USERS.length };
}

async function partnerIdsByKey(db: DbClient): Promise<Record<string, string>> {
  const rows = await db.partner.findMany({
    where: { name: { in: DEMO_PARTNERS.map((p) => p.name) } },
    select: { id: true, name: true },
  });
  return Object.fromEntries(
    DEMO_PARTNERS.map((p) => [p.key, rows.find((r) => r.name === p.name)?.id ?? ""]),
  );
}

type DemoUsers = Record<(typeof DEMO_USERS)[number]["email"], { id: string }>;

async function upsertDemoUsers(db: DbClient, passwordHash: string, partnerIds: Record<string, string>) {
  const result = {} as DemoUsers;
  for (const u of DEMO_USERS) {
    const partnerId = "partner" in u ? partnerIds[u.partner] ?? null : null;
    // Existing demo users keep whatever was changed on them, except they stay usable for the demo.
    result[u.email] = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: { email: u.email, name: u.name, role: u.role, partnerId, passwordHash },
      select: { id: true },
    });
  }
  return result;
}

async function createPortfolio(
  tx: DbClient,
  refs: ReferenceData,
  users: DemoUsers,
  partnerIds: Record<string, string>,
  now: Date,
): Promise<number> {
  const rng = createRng();
  const reps = [users["commercial@demo.fr"].id, users["commercial2@demo.fr"].id];
  const partnerUsers: Record<string, string[]> = {
    A: [users["partenaire@demo.fr"].id, users["partenaire2@demo.fr"].id],
    B: [users["conseil@demo.fr"].id, users["conseil2@demo.fr"].id],
    C: [users["banque@demo.fr"].id, users["banque2@demo.fr"].id],
  };
  const plan: { partnerKey: string | null; status: ProspectStatus; stage: ProspectStage }[] = [];
  // Interleaved, so every organisation has recent files as well as old ones.
  PROFILE.forEach((profile, i) => {
    for (const p of DEMO_PARTNERS) plan.push({ partnerKey: p.key, ...profile });
    if (i % 3 === 2 && plan.filter((x) => x.partnerKey === null).length < DIRECT_FILES) {
      const direct = plan.filter((x) => x.partnerKey === null).length;
      plan.push({ partnerKey: null, status: direct < 4 ? "IN_DISCUSSION" : "READY_TO_START", stage: direct < 4 ? "PROSPECT" : "CLIENT" });
    }
  });

  let index = 0;
  for (const item of plan) {
    index += 1;
    const family = FAMILY_NAMES[index % FAMILY_NAMES.length]!;
    const trade = TRADES[(index * 7) % TRADES.length]!;
    const place = rng.pick(CITIES);
    const siren = sirenFrom(80_000_000 + index * 1_237);
    const legalForm = rng.pick(LEGAL_FORMS);
    const createdAt = new Date(now.getTime() - (plan.length - index) * 1.7 * DAY - rng.int(1, 20) * HOUR);
    const creatorId = item.partnerKey ? rng.pick(partnerUsers[item.partnerKey]!) : rng.pick(reps);
    const revenue = BigInt(rng.int(8, 250) * 10_000) * 100n;
    const prospect = await createProspect(tx, {
      name: `${trade} ${family}`,
      legalName: `${trade.toUpperCase()} ${family.toUpperCase()} ${legalForm}`,
      siren,
      siret: siretFromSiren(siren, String(rng.int(10, 99)).padStart(4, "0")),
      vatNumber: vatFromSiren(siren),
      nafCode: rng.pick(NAF_CODES),
      legalForm,
      headcountBand: rng.pick(HEADCOUNTS),
      website: rng.chance(0.5) ? `https://www.${trade.toLowerCase()}-${family.toLowerCase()}.fr` : null,
      street: `${rng.int(1, 120)} ${rng.pick(STREETS)}`,
      postalCode: place.postalCode,
      city: place.city,
      partnerId: item.partnerKey ? partnerIds[item.partnerKey] : null,
      createdById: creatorId,
      ownerId: rng.pick(reps),
      typeId: rng.pick(refs.prospectTypes).id,
      originId: item.partnerKey ? refs.origins[0]!.id : rng.pick(refs.origins.slice(1)).id,
      status: item.status,
      stage: item.stage,
      readyAt: item.status === "READY_TO_START" ? new Date(createdAt.getTime() + 5 * DAY) : null,
      revenueCurrentYearCents: revenue,
      revenueForecastCents: (revenue * BigInt(100 + rng.int(0, 25))) / 100n,
      comment: rng.chance(0.4) ? "Dirigeant réceptif, souhaite réduire ses délais de paiement fournisseurs." : null,
      recommendationActivity: rng.chance(0.5) ? `${trade} implantée à ${place.city} depuis ${rng.int(5, 40)} ans.` : null,
      recommendationNeeds: rng.chance(0.5) ? "Financer les fournisseurs stratégiques sans dégrader la trésorerie." : null,
      recommendationInvoices: rng.chance(0.3) ? `Environ ${rng.int(20, 200)} factures fournisseurs par mois.` : null,
      internalNotes: rng.chance(0.3) ? "Vérifier l'encours bancaire avant de proposer une enveloppe." : null,
      createdAt,
    });

    const contactCount = rng.int(1, 3);
    for (let c = 0; c < contactCount; c++) {
      const last = rng.pick(FAMILY_NAMES);
      const first = rng.pick(FIRST_NAMES);
      await createContact(tx, {
        prospectId: prospect.id,
        civility: rng.chance(0.5) ? "MR" : "MRS",
        lastName: last,
        firstName: first,
        jobTitle: rng.pick(JOB_TITLES),
        landlinePhone: `+33${rng.pick(["1", "2", "3", "4", "5"])}${String(rng.int(10_000_000, 99_999_999))}`,
        mobilePhone: rng.chance(0.6) ? `+336${String(rng.int(10_000_000, 99_999_999))}` : null,
        email: `${asciiSlug(first)}.${asciiSlug(last)}@${asciiSlug(trade)}-${asciiSlug(family)}.fr`,
        isFavorite: c === 0,
      });
    }

    await createActionsFor(tx, rng, refs, prospect.id, creatorId, item.partnerKey ? creatorId : rng.pick(reps), reps, createdAt, now);
    if (item.status !== "NOT_INTERESTED" && rng.chance(0.45)) {
      await createOpportunityFor(tx, rng, refs, prospect.id, rng.pick(reps), now);
    }
    if (item.stage === "CLIENT") {
      await createInvoicesFor(tx, rng, prospect.id, index, now);
    }
  }
  return plan.length;
}

// A done call followed (chained) by a meeting, plus an upcoming action for most files.
async function createActionsFor(
  tx: DbClient, rng: Rng, refs: ReferenceData, prospectId: string, creatorId: string, assigneeId: string,
  reps: string[], createdAt: Date, now: Date,
) {
  const type = (category: string) => refs.actionTypes.find((t) => t.category === category)!;
  // The day after the file was created, but never in the future: it is done.
  const firstCall = new Date(Math.min(at(createdAt, 1, 9).getTime(), now.getTime() - 2 * HOUR));
  const call = await createAction(tx, {
    prospectId,
    typeId: type("CALL").id,
    subject: "Premier appel de présentation",
    dueAt: firstCall,
    done: true,
    doneAt: firstCall,
    outcome: "Intéressé par le financement des factures fournisseurs.",
    assigneeId,
    createdById: creatorId,
  });
  if (rng.chance(0.6)) {
    const when = at(now, rng.int(-10, 20), rng.int(7, 16));
    const past = when < now;
    await createAction(tx, {
      prospectId,
      typeId: type("MEETING").id,
      subject: "Rendez-vous de découverte",
      dueAt: when,
      startAt: when,
      endAt: new Date(when.getTime() + HOUR),
      done: past,
      doneAt: past ? when : null,
      outcome: past ? "Besoins recueillis, envoi de la documentation." : null,
      assigneeId,
      createdById: creatorId,
      previousActionId: call.id,
    });
  }
  if (rng.chance(0.7)) {
    const due = at(now, rng.int(1, 30), rng.int(7, 16));
    await createAction(tx, {
      prospectId,
      typeId: rng.pick([type("CALL"), type("TASK"), type("DOCUMENTATION")]).id,
      subject: rng.pick(["Relancer le dirigeant", "Envoyer la documentation produit", "Point sur les factures fournisseurs"]),
      dueAt: due,
      assigneeId: rng.chance(0.5) ? assigneeId : rng.pick(reps),
      createdById: creatorId,
    });
  }
}

async function createOpportunityFor(tx: DbClient, rng: Rng, refs: ReferenceData, prospectId: string, ownerId: string, now: Date) {
  const stage = rng.pick(refs.pipelineStages);
  const status = stage.kind === "WON" ? "WON" : stage.kind === "LOST" ? "LOST" : "OPEN";
  const opportunity = await createOpportunity(tx, {
    prospectId,
    ownerId,
    stageId: stage.id,
    status,
    title: rng.pick(["Mise en place de l'affacturage inversé", "Enveloppe de financement fournisseurs", "Programme fournisseurs 2027"]),
    amountCents: rng.int(20, 400) * 100_000,
    expectedCloseDate: new Date(now.getTime() + rng.int(-20, 90) * DAY),
    // Spread over the past year, so the revenue report has months to compare.
    closedAt: status === "OPEN" ? null : new Date(now.getTime() - rng.int(1, 330) * DAY),
  });
  const type = (category: string) => refs.actionTypes.find((t) => t.category === category)!;
  const first = await createAction(tx, {
    prospectId,
    opportunityId: opportunity.id,
    typeId: type("CALL").id,
    subject: "Qualification du besoin",
    dueAt: at(now, -7, 9),
    done: true,
    doneAt: at(now, -7, 9),
    outcome: "Volume estimé confirmé.",
    assigneeId: ownerId,
    createdById: ownerId,
  });
  await createAction(tx, {
    prospectId,
    opportunityId: opportunity.id,
    previousActionId: first.id,
    typeId: type("MEETING").id,
    subject: "Présentation de l'offre",
    dueAt: at(now, rng.int(2, 15), rng.int(7, 16)),
    assigneeId: ownerId,
    createdById: ownerId,
  });
}

// Monthly revenue targets of the two reps, from six months back to six months ahead, so the
// objectives widget shows a share achieved whatever period is picked.
async function createSalesTargets(tx: DbClient, reps: string[], now: Date) {
  const data = reps.flatMap((userId, i) =>
    Array.from({ length: 13 }, (_, k) => ({
      userId,
      periodStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6 + k, 1)),
      amountCents: (i === 0 ? 150_000 : 120_000) * 100,
    })),
  );
  await tx.salesTarget.createMany({ data });
}

async function createInvoicesFor(tx: DbClient, rng: Rng, clientId: string, index: number, now: Date) {
  const count = rng.int(3, 6);
  for (let i = 0; i < count; i++) {
    const supplier = `${rng.pick(TRADES)} ${rng.pick(FAMILY_NAMES)}`;
    await createInvoice(tx, {
      clientId,
      status: INVOICE_STATUSES[(index + i) % INVOICE_STATUSES.length]!,
      at: new Date(now.getTime() - rng.int(0, 40) * DAY - rng.int(1, 23) * HOUR),
      supplierName: supplier,
      supplierSiren: sirenFrom(60_000_000 + index * 97 + i),
      number: `FAC-2026-${String(index * 10 + i).padStart(4, "0")}`,
      amountCents: rng.int(800, 48_000) * 100,
    });
  }
}

function asciiSlug(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

// True when the app has never been seeded or used: no user at all.
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}
