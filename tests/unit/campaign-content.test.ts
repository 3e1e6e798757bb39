// Step 1's validation: the merge fields the editor offers are the ones the schema accepts, an
// unknown or misspelt field is a field error (never a blank in 500 e-mails), the subject is one line.
import { describe, expect, it } from "vitest";
import {
  CAMPAIGN_MERGE_FIELD_KEYS,
  campaignMergeValues,
  countMissingMergeFields,
  editorToken,
  toEditorTemplate,
  toStoredTemplate,
} from "@/lib/campaigns/merge-fields";
import { campaignContentSchema, mergeFieldProblem } from "@/lib/campaigns/schemas";
import { ACTION_TYPES } from "@/tests/factories/reference-data";
import { listMergeFields, renderMergeText } from "@/lib/mail/merge";

const valid = { name: "Relance", subjectTemplate: "Bonjour {{firstName}}", bodyTemplate: "Bonjour {{civility}} {{lastName}} de {{company}},\n\n{{senderName}}" };

function fieldErrors(input: Record<string, string>) {
  const result = campaignContentSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("campaign merge fields", () => {
  it("offers the fields the offer template already uses (except its quote number)", () => {
    const offer = ACTION_TYPES.find((t) => t.category === "OFFER")!;
    const used = listMergeFields(`${offer.subjectTemplate} ${offer.bodyTemplate}`).filter((k) => k !== "quoteNumber");
    expect(used.every((k) => CAMPAIGN_MERGE_FIELD_KEYS.includes(k))).toBe(true);
    expect([...CAMPAIGN_MERGE_FIELD_KEYS].sort()).toEqual(["civility", "company", "firstName", "lastName", "senderName"]);
  });

  it("fills every field from a recipient, civility in French", () => {
    const values = campaignMergeValues({ civility: "MR", firstName: "Marc", lastName: "Petit", company: "Boulangerie", senderName: "Julie" });
    expect(renderMergeText(valid.bodyTemplate, values)).toBe("Bonjour M. Petit de Boulangerie,\n\nJulie");
    expect(campaignMergeValues({ civility: null, firstName: "", lastName: "", company: "", senderName: "" }).civility).toBe("");
  });

  it("accepts known fields, with or without spaces inside the braces", () => {
    expect(campaignContentSchema.safeParse(valid).success).toBe(true);
    expect(mergeFieldProblem("Bonjour {{ firstName }} et {{lastName}}")).toBeNull();
    expect(mergeFieldProblem("Aucun champ")).toBeNull();
  });

  it("refuses an unknown field on the field that holds it, naming it and the available ones", () => {
    const errors = fieldErrors({ ...valid, bodyTemplate: "Bonjour {{prenom}} et {{societe}}" });
    expect(errors.bodyTemplate).toMatch(/^Champs de fusion inconnus : \{\{prenom\}\}, \{\{societe\}\}\. Champs disponibles : \{\{civility\}\}/);
    expect(fieldErrors({ ...valid, subjectTemplate: "Pour {{quoteNumber}}" }).subjectTemplate).toMatch(/^Champ de fusion inconnu : \{\{quoteNumber\}\}/);
  });

  it("refuses a malformed placeholder that would reach the recipient as typed", () => {
    for (const template of ["Bonjour {{prénom}}", "Bonjour {{first name}}", "Bonjour {{firstName}", "Bonjour firstName}}", "{{}}"]) {
      expect(mergeFieldProblem(template), template).toMatch(/^Champ de fusion mal écrit/);
    }
  });

  it("keeps the subject on one line and requires every field", () => {
    expect(fieldErrors({ ...valid, subjectTemplate: "Bonjour\r\n{{firstName}}" }).subjectTemplate).toBe("L'objet tient sur une seule ligne.");
    const empty = fieldErrors({ name: " ", subjectTemplate: "", bodyTemplate: "" });
    expect(empty).toMatchObject({
      name: "Le nom de la campagne est obligatoire.",
      subjectTemplate: "L'objet est obligatoire.",
      bodyTemplate: "Le message est obligatoire.",
    });
  });
});

describe("French merge fields in the editor", () => {
  it("shows stored tokens as French labels and stores them back, fallbacks kept", () => {
    const stored = "Bonjour {{civility}} {{lastName|Madame, Monsieur}} de {{company}}, {{senderName}} {{unknown}}";
    const shown = toEditorTemplate(stored);
    expect(shown).toBe("Bonjour {{Civilité}} {{Nom|Madame, Monsieur}} de {{Entreprise}}, {{Votre nom}} {{unknown}}");
    expect(toStoredTemplate(shown)).toBe(stored);
  });

  it("reads labels typed without accents or capitals, and the stored keys themselves", () => {
    expect(toStoredTemplate("{{prenom}} {{PRÉNOM|Client}} {{firstName}} {{votre nom}}")).toBe(
      "{{firstName}} {{firstName|Client}} {{firstName}} {{senderName}}",
    );
    expect(editorToken("Prénom", "Madame, Monsieur")).toBe("{{Prénom|Madame, Monsieur}}");
    expect(editorToken("Prénom", "  ")).toBe("{{Prénom}}");
    expect(editorToken("Prénom", "a|b}")).toBe("{{Prénom|ab}}");
  });

  it("accepts a fallback in the schema", () => {
    expect(mergeFieldProblem("Bonjour {{firstName|Madame, Monsieur}}")).toBeNull();
    expect(mergeFieldProblem("Bonjour {{firstName|a|b}}")).toMatch(/mal écrit/);
  });

  it("counts, per used field, the recipients without a value", () => {
    const recipients = [
      { civility: "Mme", firstName: "Camille", lastName: "Martin", company: "A", senderName: "Julie" },
      { civility: "", firstName: "", lastName: "Dupont", company: "B", senderName: "Julie" },
      { civility: "", firstName: "Paul", lastName: "Durand", company: "C", senderName: "Julie" },
    ];
    expect(countMissingMergeFields(["{{firstName|Madame, Monsieur}}", "{{civility}} {{lastName}}"], recipients)).toEqual([
      { key: "firstName", label: "Prénom", missing: 1, fallback: "Madame, Monsieur" },
      { key: "civility", label: "Civilité", missing: 2, fallback: null },
      { key: "lastName", label: "Nom", missing: 0, fallback: null },
    ]);
  });
});
