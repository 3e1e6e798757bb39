import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { changeNameSchema, createPartnerSchema } from "@/lib/accounts/schemas";
import { createActionSchema } from "@/lib/actions/schemas";
import { agreementVersionSchema } from "@/lib/agreements/schemas";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { createAppointmentSchema } from "@/lib/calendar/schemas";
import { campaignContentSchema, campaignCriteriaSchema } from "@/lib/campaigns/schemas";
import { createConnectionSchema } from "@/lib/connections/api-schemas";
import { addConnectionSchema } from "@/lib/connections/schemas";
import { addAdjustmentSchema, markStatementPaidSchema } from "@/lib/commissions/schemas";
import { rejectCorrectionSchema } from "@/lib/corrections/schemas";
import { createInvoiceSchema } from "@/lib/invoices/schemas";
import { onboardingDetailsSchema } from "@/lib/onboarding/schemas";
import { createOpportunitySchema } from "@/lib/opportunities/schemas";
import { contactFormSchema } from "@/lib/prospects/prospect-form-schema";
import { quoteLineSchema } from "@/lib/quotes/schemas";
import { actionTypeSchema, referenceNameSchema } from "@/lib/reference/schemas";
import { renameSavedListSchema } from "@/lib/reports/saved-list-schemas";
import { TEXT_MESSAGES } from "@/lib/validation/text";

// The text fields people type, schema by schema: "line" fields refuse line breaks too,
// "multi" fields keep them. A schema whose field went back to a bare z.string() fails here.
const FIELDS: { name: string; schema: z.ZodType; field: string; kind: "line" | "multi" }[] = [
  { name: "quote line", schema: quoteLineSchema, field: "description", kind: "multi" },
  { name: "opportunity", schema: createOpportunitySchema, field: "title", kind: "line" },
  { name: "campaign", schema: campaignContentSchema, field: "name", kind: "line" },
  { name: "campaign", schema: campaignContentSchema, field: "subjectTemplate", kind: "multi" },
  { name: "campaign", schema: campaignContentSchema, field: "bodyTemplate", kind: "multi" },
  { name: "campaign filters", schema: campaignCriteriaSchema, field: "q", kind: "line" },
  { name: "appointment", schema: createAppointmentSchema, field: "subject", kind: "line" },
  { name: "appointment", schema: createAppointmentSchema, field: "notes", kind: "multi" },
  { name: "reference list", schema: referenceNameSchema, field: "name", kind: "line" },
  { name: "action type", schema: actionTypeSchema, field: "name", kind: "line" },
  { name: "action type", schema: actionTypeSchema, field: "bodyTemplate", kind: "multi" },
  { name: "user name", schema: changeNameSchema, field: "name", kind: "line" },
  { name: "partner", schema: createPartnerSchema, field: "name", kind: "line" },
  { name: "agreement", schema: agreementVersionSchema, field: "notes", kind: "multi" },
  { name: "commission adjustment", schema: addAdjustmentSchema, field: "reason", kind: "line" },
  { name: "commission payment", schema: markStatementPaidSchema, field: "paymentReference", kind: "line" },
  { name: "correction refusal", schema: rejectCorrectionSchema, field: "reason", kind: "multi" },
  { name: "client onboarding", schema: onboardingDetailsSchema, field: "legalName", kind: "line" },
  { name: "API key", schema: createApiKeySchema, field: "name", kind: "line" },
  { name: "saved list", schema: renameSavedListSchema, field: "name", kind: "line" },
  { name: "connections API", schema: createConnectionSchema, field: "name", kind: "line" },
  // Already converted before: kept here so the whole set stays covered.
  { name: "action", schema: createActionSchema, field: "subject", kind: "line" },
  { name: "contact", schema: contactFormSchema, field: "lastName", kind: "line" },
  { name: "connection", schema: addConnectionSchema, field: "name", kind: "line" },
  { name: "invoice", schema: createInvoiceSchema, field: "supplierName", kind: "line" },
];

// The field's own issues only: the other fields are left out, so they have issues of their own.
function fieldMessages(schema: z.ZodType, field: string, value: string): string[] {
  const result = schema.safeParse({ [field]: value });
  if (result.success) return [];
  return result.error.issues.filter((i) => i.path[0] === field).map((i) => i.message);
}

describe("text inputs refuse NUL and control characters in every schema", () => {
  for (const { name, schema, field, kind } of FIELDS) {
    const message = kind === "line" ? TEXT_MESSAGES.singleLine : TEXT_MESSAGES.multiLine;

    it(`${name}.${field} (${kind === "line" ? "one line" : "multi-line"})`, () => {
      expect(fieldMessages(schema, field, "Texte ordinaire accentué : é, ç, €")).toEqual([]);
      for (const bad of ["a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b", "a\u000bb"]) {
        expect(fieldMessages(schema, field, bad), JSON.stringify(bad)).toEqual([message]);
      }
      if (kind === "line") {
        expect(fieldMessages(schema, field, "Dupont\r\nBcc: x@y.z")).toEqual([message]);
      } else if (field !== "subjectTemplate") {
        expect(fieldMessages(schema, field, "Ligne 1\r\nLigne 2\n\tretrait")).toEqual([]);
      }
    });
  }
});
