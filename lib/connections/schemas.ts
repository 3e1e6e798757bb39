// A connection recorded by the sales team: one schema for the form and the server action.
import { z } from "zod";
import "@/lib/zod-fr";
import { textLine } from "@/lib/validation/text";
import { compactDigits, sirenError } from "@/lib/validation/siren";

export const CONNECTION_RELATIONS = ["SUPPLIER", "CUSTOMER"] as const;

export const addConnectionSchema = z.object({
  prospectId: z.string().trim().min(1).max(64),
  name: textLine()
    .trim()
    .min(1, "Le nom est obligatoire.")
    .max(200, "Le nom ne doit pas dépasser 200 caractères."),
  siren: z
    .string()
    .optional()
    .default("")
    .transform((value) => compactDigits(value))
    .superRefine((value, ctx) => {
      const message = value === "" ? null : sirenError(value);
      if (message) ctx.addIssue({ code: "custom", message });
    }),
  relation: z.enum(CONNECTION_RELATIONS, { error: "Choisissez fournisseur ou client." }),
});

export type AddConnectionInput = z.input<typeof addConnectionSchema>;
export type AddConnectionValues = z.output<typeof addConnectionSchema>;

export const removeConnectionSchema = z.object({ id: z.string().trim().min(1).max(64) });

export type RemoveConnectionInput = z.infer<typeof removeConnectionSchema>;
