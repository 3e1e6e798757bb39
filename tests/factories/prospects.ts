import type { DbClient as Db } from "@/lib/prisma-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InvoiceStatus } from "@/lib/generated/prisma/enums";
import { siretFromSiren } from "@/lib/validation/siren";
import { sirenFrom, uniqueNumber, vatFromSiren } from "./random";

export async function createProspect(db: Db, data: Partial<Prisma.ProspectUncheckedCreateInput> = {}) {
  const n = uniqueNumber();
  const siren = data.siren === undefined ? sirenFrom(300_000_00 + n) : data.siren;
  return db.prospect.create({
    data: {
      kind: "COMPANY",
      name: `Entreprise ${n}`,
      legalName: `ENTREPRISE ${n} SAS`,
      siren,
      siret: siren ? siretFromSiren(siren) : null,
      vatNumber: siren ? vatFromSiren(siren) : null,
      street: `${n} rue de la République`,
      postalCode: "69002",
      city: "Lyon",
      ...data,
    },
  });
}

export async function createContact(
  db: Db,
  data: Partial<Prisma.ContactUncheckedCreateInput> & { prospectId: string },
) {
  const n = uniqueNumber();
  return db.contact.create({
    data: {
      civility: "MRS",
      lastName: `Martin${n}`,
      firstName: "Camille",
      jobTitle: "Directrice financière",
      landlinePhone: `+3314${String(n).padStart(7, "0")}`,
      email: `contact${n}@exemple.test`,
      ...data,
    },
  });
}

export async function createAction(
  db: Db,
  data: Partial<Prisma.ActionUncheckedCreateInput> & { prospectId: string; typeId: string },
) {
  const n = uniqueNumber();
  return db.action.create({
    data: {
      subject: `Action ${n}`,
      dueAt: new Date(Date.now() + 24 * 3600 * 1000),
      ...data,
    },
  });
}

export async function createOpportunity(
  db: Db,
  data: Partial<Prisma.OpportunityUncheckedCreateInput> & { prospectId: string; stageId: string },
) {
  const n = uniqueNumber();
  return db.opportunity.create({
    data: { title: `Opportunité ${n}`, amountCents: 1_000_000, ...data },
  });
}

const STEP_FIELD: Record<InvoiceStatus, "submittedAt" | "validatedAt" | "financedAt" | "paidAt" | "rejectedAt"> = {
  SUBMITTED: "submittedAt",
  VALIDATED: "validatedAt",
  FINANCED: "financedAt",
  PAID: "paidAt",
  REJECTED: "rejectedAt",
};

// An invoice in a given status, with the time of each step it went through.
export async function createInvoice(
  db: Db,
  data: Partial<Prisma.InvoiceUncheckedCreateInput> & { clientId: string; status?: InvoiceStatus; at?: Date },
) {
  const n = uniqueNumber();
  const { at, ...rest } = data;
  const status = data.status ?? "SUBMITTED";
  const stepAt = at ?? new Date();
  const order: InvoiceStatus[] = ["SUBMITTED", "VALIDATED", "FINANCED", "PAID"];
  const steps: Partial<Record<(typeof STEP_FIELD)[InvoiceStatus], Date>> = {};
  if (status === "REJECTED") {
    steps.submittedAt = new Date(stepAt.getTime() - 2 * 86_400_000);
    steps.rejectedAt = stepAt;
  } else {
    const reached = order.slice(0, order.indexOf(status) + 1);
    reached.forEach((s, i) => {
      steps[STEP_FIELD[s]] = new Date(stepAt.getTime() - (reached.length - 1 - i) * 2 * 86_400_000);
    });
  }
  return db.invoice.create({
    data: {
      supplierName: `Fournisseur ${n}`,
      supplierSiren: sirenFrom(500_000_00 + n),
      number: `F-${String(n).padStart(5, "0")}`,
      amountCents: 125_000 + n * 100,
      dueDate: new Date(stepAt.getTime() + 60 * 86_400_000),
      ...steps,
      ...rest,
      status,
    },
  });
}
