// Deterministic data for `npm run bench`: the volumes of issue 14 at --scale 100k (50 partner
// organisations, 100,000 prospects, 200,000 contacts, 20,000 opportunities, 1,000,000 actions,
// 300,000 invoices), scaled linearly for smaller runs. Set-based INSERT … SELECT generate_series,
// never row by row; the pseudo-random choices hash the row number, so two runs give the same rows.
// Skew: a few large partners (partner 1 holds about a quarter of the files), most small.
import type pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/prisma-client";
import { ensureReferenceData } from "@/tests/factories/reference-data";

export const BENCH_PASSWORD = "Bench-CRM-2026";
export const BENCH_REPS = 10;
export const BENCH_PARTNERS = 50;

export type Volumes = {
  prospects: number;
  contacts: number;
  opportunities: number;
  actions: number;
  invoices: number;
  notificationsPerUser: number;
};

export function volumesFor(prospects: number): Volumes {
  return {
    prospects,
    contacts: prospects * 2,
    opportunities: Math.floor(prospects / 5),
    actions: prospects * 10,
    invoices: prospects * 3,
    notificationsPerUser: Math.max(50, Math.floor(prospects / 20)),
  };
}

export const BENCH_USERS = {
  ADMIN: "admin@bench.test",
  MANAGER: "manager@bench.test",
  SALES: "rep01@bench.test",
  PARTNER: "partner01-1@bench.test",
} as const;

const TRADES = ["Boulangerie", "Transports", "Menuiserie", "Imprimerie", "Garage", "Laboratoire", "Atelier", "Maison", "Distribution", "Bâtiment", "Conserverie", "Textiles"];
const FAMILIES = ["Dupont", "Moreau", "Laurent", "Girard", "Bonnet", "Roux", "Fournier", "Mercier", "Blanc", "Garnier", "Chevalier", "Faure", "Rousseau", "Vincent", "Muller", "Lefèvre", "Perrin", "Morel", "Gauthier", "Masson"];
const CITIES = ["Lyon", "Paris", "Marseille", "Bordeaux", "Lille", "Nantes", "Toulouse", "Strasbourg", "Rennes", "Grenoble", "Dijon", "Évreux", "Nîmes", "Clermont-Ferrand"];

const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]::text[]`;

export async function generateBenchData(client: pg.Client, databaseUrl: string, volumes: Volumes, log: (m: string) => void) {
  const prisma = createPrismaClient(databaseUrl, { max: 1 });
  try {
    await ensureReferenceData(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const hash = await hashPassword(BENCH_PASSWORD);
  const S = volumes.prospects;
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    const result = await client.query(sql, params);
    log(`${label}: ${result.rowCount ?? 0} lignes (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };

  // r(i, salt): a uniform number in [0, 1) from the row number, the same on every run.
  await client.query(`CREATE OR REPLACE FUNCTION pg_temp.r(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE
    AS $$ SELECT (hashint8(i * 1009 + salt)::bigint & 2147483647)::float8 / 2147483648.0 $$`);
  await client.query(`CREATE TEMP TABLE ref AS SELECT
      (SELECT array_agg(id ORDER BY position) FROM "ProspectType") AS types,
      (SELECT array_agg(id ORDER BY position) FROM "Origin") AS origins,
      (SELECT array_agg(id ORDER BY position) FROM "ActionType") AS action_types,
      (SELECT array_agg("isAppointment" ORDER BY position) FROM "ActionType") AS action_appt,
      (SELECT array_agg(id ORDER BY position) FROM "PipelineStage") AS stages,
      (SELECT array_agg(kind::text ORDER BY position) FROM "PipelineStage") AS stage_kinds,
      date_trunc('day', now()) AS today`);

  await step("Organisations", `INSERT INTO "Partner" (id, name, siren, "updatedAt")
    SELECT 'bpa' || n, 'Cabinet ' || (${sqlArray(FAMILIES)})[1 + n % 20] || ' ' || n, lpad((300000000 + n)::text, 9, '0'), now()
    FROM generate_series(1, ${BENCH_PARTNERS}) n`);
  await step("Conventions", `INSERT INTO "AgreementVersion" (id, "partnerId", "startsOn", "directRateBps", "networkRateBps")
    SELECT 'bag' || n, 'bpa' || n, DATE '2024-01-01', 100 + n % 5 * 10, 30 FROM generate_series(1, ${BENCH_PARTNERS}) n`);
  await step("Utilisateurs", `INSERT INTO "User" (id, email, name, "passwordHash", role, "partnerId", "updatedAt")
    SELECT 'bu_admin', 'admin@bench.test', 'Alice Admin', $1, 'ADMIN'::"Role", NULL::text, now()
    UNION ALL SELECT 'bu_manager', 'manager@bench.test', 'Marc Manager', $1, 'MANAGER'::"Role", NULL, now()
    UNION ALL SELECT 'bu_rep' || n, 'rep' || lpad(n::text, 2, '0') || '@bench.test', 'Commercial ' || n, $1, 'SALES'::"Role", NULL, now()
      FROM generate_series(1, ${BENCH_REPS}) n
    UNION ALL SELECT 'bu_p' || n || '_' || k, 'partner' || lpad(n::text, 2, '0') || '-' || k || '@bench.test',
      'Partenaire ' || n || '-' || k, $1, 'PARTNER'::"Role", 'bpa' || n, now()
      FROM generate_series(1, ${BENCH_PARTNERS}) n, generate_series(1, 2) k`, [hash]);

  // Stage CLIENT for i % 10 in (1, 2, 3): the invoices below are spread over exactly those.
  await step("Prospects", `INSERT INTO "Prospect" (id, kind, name, siren, city, "postalCode", street, country, "partnerId",
      "createdById", "ownerId", "typeId", "originId", status, stage, "readyAt", comment, "createdAt", "updatedAt")
    SELECT 'bp' || i, 'COMPANY',
      (${sqlArray(TRADES)})[1 + i % 12] || ' ' || (${sqlArray(FAMILIES)})[1 + (i / 12) % 20] || ' ' || i,
      CASE WHEN i % 5 <> 0 THEN lpad((100000000 + i)::text, 9, '0') END,
      (${sqlArray(CITIES)})[1 + (i / 7) % 14], lpad((10000 + i % 89000)::text, 5, '0'), i || ' rue de la République', 'FR',
      CASE WHEN pg_temp.r(i, 1) < 0.1 THEN NULL ELSE 'bpa' || (1 + floor(${BENCH_PARTNERS} * pg_temp.r(i, 2) ^ 3))::int END,
      'bu_rep' || (1 + i % ${BENCH_REPS}), 'bu_rep' || (1 + i % ${BENCH_REPS}),
      ref.types[1 + i % array_length(ref.types, 1)], ref.origins[1 + i % array_length(ref.origins, 1)],
      (CASE WHEN pg_temp.r(i, 3) < 0.7 THEN 'IN_DISCUSSION' WHEN pg_temp.r(i, 3) < 0.8 THEN 'READY_TO_START' ELSE 'NOT_INTERESTED' END)::"ProspectStatus",
      (CASE WHEN i % 10 IN (1, 2, 3) THEN 'CLIENT' WHEN i % 10 = 4 THEN 'ONBOARDING' ELSE 'PROSPECT' END)::"ProspectStage",
      CASE WHEN pg_temp.r(i, 3) >= 0.7 AND pg_temp.r(i, 3) < 0.8 THEN ref.today - (${S} - i) * interval '15 minutes' END,
      CASE WHEN i % 3 = 0 THEN 'Client recommandé, à rappeler en fin de mois.' END,
      ref.today - (${S} - i) * (interval '3 years' / ${S}), now()
    FROM generate_series(1, ${S}) i, ref`);

  // Exactly one favourite per prospect: the first of its two contacts.
  await step("Contacts", `INSERT INTO "Contact" (id, "prospectId", civility, "lastName", "firstName", "jobTitle", "landlinePhone", email, "isFavorite", "updatedAt")
    SELECT 'bc' || j, 'bp' || (1 + (j - 1) % ${S}), (CASE WHEN j % 2 = 0 THEN 'MR' ELSE 'MRS' END)::"Civility",
      (${sqlArray(FAMILIES)})[1 + j % 20], 'Prénom' || j % 97, 'Gérant', '+331' || lpad((j % 100000000)::text, 8, '0'),
      'contact' || j || '@exemple.test', j <= ${S}, now()
    FROM generate_series(1, ${S * 2}) j`);

  await step("Opportunités", `INSERT INTO "Opportunity" (id, "prospectId", "ownerId", title, "amountCents", "stageId", status, "expectedCloseDate", "closedAt", "createdAt", "updatedAt")
    SELECT 'bo' || k, 'bp' || (5 * k), 'bu_rep' || (1 + (5 * k) % ${BENCH_REPS}), 'Affacturage ' || k, (1000 + k % 50 * 500) * 100,
      ref.stages[1 + k % array_length(ref.stages, 1)],
      (CASE ref.stage_kinds[1 + k % array_length(ref.stages, 1)] WHEN 'WON' THEN 'WON' WHEN 'LOST' THEN 'LOST' ELSE 'OPEN' END)::"OpportunityStatus",
      (ref.today + (k % 180 - 60) * interval '1 day')::date,
      CASE WHEN ref.stage_kinds[1 + k % array_length(ref.stages, 1)] <> 'IN_PROGRESS' THEN ref.today - (k % 300) * interval '1 day' END,
      ref.today - (k % 400) * interval '1 day', now()
    FROM generate_series(1, ${volumes.opportunities}) k, ref`);

  // Ten rounds of one action per prospect; round n+1 follows round n for half of them (chains),
  // even rounds of prospects with an opportunity are its nested steps; 30 % are done.
  const batch = Math.max(S, 100_000);
  for (let from = 1; from <= volumes.actions; from += batch) {
    const to = Math.min(volumes.actions, from + batch - 1);
    await step(`Actions ${from}-${to}`, `INSERT INTO "Action" (id, "prospectId", "typeId", subject, "dueAt", "startAt", "endAt", done, "doneAt",
        "assigneeId", "createdById", "opportunityId", "previousActionId", "createdAt", "updatedAt")
      SELECT 'ba' || j, 'bp' || p, ref.action_types[t], 'Action ' || j, due,
        CASE WHEN ref.action_appt[t] THEN due END, CASE WHEN ref.action_appt[t] THEN due + interval '1 hour' END,
        d, CASE WHEN d THEN least(due, now() - interval '1 hour') END,
        CASE WHEN pg_temp.r(j, 5) < 0.8 THEN 'bu_rep' || (1 + j % ${BENCH_REPS}) WHEN pg_temp.r(j, 5) < 0.9 THEN 'bu_manager' END,
        'bu_rep' || (1 + j % ${BENCH_REPS}),
        CASE WHEN p % 5 = 0 AND p / 5 <= ${volumes.opportunities} AND round % 2 = 0 THEN 'bo' || (p / 5) END,
        CASE WHEN round >= 1 AND pg_temp.r(j, 6) < 0.5 THEN 'ba' || (j - ${S}) END,
        due - interval '7 days', now()
      FROM (
        SELECT j, 1 + (j - 1) % ${S} AS p, (j - 1) / ${S} AS round, pg_temp.r(j, 4) < 0.3 AS d,
          1 + floor(pg_temp.r(j, 7) * array_length(ref.action_types, 1))::int AS t,
          ref.today + interval '9 hours' + floor(pg_temp.r(j, 8) * 720 - 540) * interval '1 day' + (j % 8) * interval '1 hour' AS due
        FROM generate_series(${from}, ${to}) j, ref
      ) a, ref`);
  }

  const clients = Math.floor((S * 3) / 10);
  await step("Factures", `INSERT INTO "Invoice" (id, "clientId", "supplierName", "supplierSiren", number, "amountCents", "dueDate", status,
      "submittedAt", "validatedAt", "financedAt", "paidAt", "rejectedAt", "createdAt", "updatedAt")
    SELECT 'bi' || k, 'bp' || (10 * (c / 3) + c % 3 + 1), 'Fournisseur ' || k % 1000, lpad((200000000 + k % 1000)::text, 9, '0'),
      'F-' || k, 10000 + k % 997 * 1000, (sub + interval '60 days')::date, st::"InvoiceStatus", sub,
      CASE WHEN st IN ('VALIDATED', 'FINANCED', 'PAID') THEN sub + interval '2 days' END,
      CASE WHEN st IN ('FINANCED', 'PAID') THEN sub + interval '4 days' END,
      CASE WHEN st = 'PAID' THEN sub + interval '60 days' END,
      CASE WHEN st = 'REJECTED' THEN sub + interval '1 day' END, sub, now()
    FROM (
      SELECT k, (k - 1) % ${clients} AS c, ref.today - (${S * 3} - k) * (interval '2 years' / ${S * 3}) - interval '61 days' AS sub,
        CASE WHEN pg_temp.r(k, 9) < 0.1 THEN 'SUBMITTED' WHEN pg_temp.r(k, 9) < 0.2 THEN 'VALIDATED'
             WHEN pg_temp.r(k, 9) < 0.5 THEN 'FINANCED' WHEN pg_temp.r(k, 9) < 0.95 THEN 'PAID' ELSE 'REJECTED' END AS st
      FROM generate_series(1, ${S * 3}) k, ref
    ) i`);

  await step("Notifications", `INSERT INTO "Notification" (id, "userId", kind, title, link, "readAt", "createdAt")
    SELECT 'bn' || u.id || '_' || n, u.id, 'ASSIGNMENT', 'Nouvelle action assignée ' || n, '/prospects/bp' || (1 + n % ${S}),
      CASE WHEN n % 5 <> 0 THEN now() END, now() - n * interval '10 minutes'
    FROM "User" u, generate_series(1, ${volumes.notificationsPerUser}) n WHERE u.role <> 'PARTNER'`);

  const started = Date.now();
  await client.query("ANALYZE");
  log(`ANALYZE (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
