// Bodies of the financing platform's calls to /api/v1/invoices (README « API factures »).
import { z } from "zod";
import "@/lib/zod-fr";
import { textLine } from "@/lib/validation/text";
import { InvoiceStatus } from "@/lib/generated/prisma/enums";
import { compactDigits, isValidSiren } from "@/lib/validation/siren";

const siren = (what: string) =>
  z
    .string({ error: `Le SIREN ${what} est obligatoire.` })
    .transform(compactDigits)
    .refine((v) => /^\d{9}$/.test(v), { message: `Le SIREN ${what} doit comporter 9 chiffres.`, abort: true })
    .refine(isValidSiren, `Le SIREN ${what} est invalide (clé de contrôle).`);

const instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `${what} doit être une date et heure ISO 8601 (ex. 2026-11-22T14:30:00Z).` }).transform((v) => new Date(v));

const invoiceKey = {
  clientSiren: siren("du client"),
  supplierSiren: siren("du fournisseur"),
  number: textLine({ error: "Le numéro de facture est obligatoire." })
    .trim()
    .min(1, "Le numéro de facture est obligatoire.")
    .max(100, "Le numéro de facture fait 100 caractères au plus."),
};

export const createInvoiceSchema = z.object({
  ...invoiceKey,
  supplierName: textLine({ error: "Le nom du fournisseur est obligatoire." })
    .trim()
    .min(1, "Le nom du fournisseur est obligatoire.")
    .max(200, "Le nom du fournisseur fait 200 caractères au plus."),
  amountCents: z
    .number({ error: "Le montant (en centimes) est obligatoire." })
    .int("Le montant est un nombre entier de centimes (12 345,67 € → 1234567).")
    .positive("Le montant doit être positif.")
    .max(2_147_483_647, "Le montant dépasse la limite acceptée."),
  dueDate: z.iso.date({ error: "L'échéance doit être une date AAAA-MM-JJ." }).transform((v) => new Date(`${v}T00:00:00Z`)),
  // When the supplier submitted it on the platform; the time of the call otherwise.
  submittedAt: instant("La date de soumission").optional(),
});

export type CreateInvoiceBody = z.input<typeof createInvoiceSchema>;
export type CreateInvoiceInput = z.output<typeof createInvoiceSchema>;

export const changeInvoiceStatusSchema = z.object({
  ...invoiceKey,
  status: z.enum(InvoiceStatus, {
    error: `Statut inconnu : valeurs possibles ${Object.values(InvoiceStatus).join(", ")}.`,
  }),
  // When the status changed on the platform; the time of the call otherwise.
  at: instant("La date du changement").optional(),
});

export type ChangeInvoiceStatusBody = z.input<typeof changeInvoiceStatusSchema>;
export type ChangeInvoiceStatusInput = z.output<typeof changeInvoiceStatusSchema>;
