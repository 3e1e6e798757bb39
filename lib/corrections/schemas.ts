// The « Corrections du client » decisions: shared by the block's buttons and the server actions.
import { z } from "zod";
import "@/lib/zod-fr";
import { multilineText } from "@/lib/validation/text";

const id = z.string().min(1).max(40);

export const acceptCorrectionsSchema = z.object({
  prospectId: id,
  // The prospect's version the block was read at: a manual edit since then is a conflict.
  version: z.number().int().positive(),
  correctionIds: z.array(id).min(1, "Choisissez au moins une correction.").max(50),
  confirmSensitive: z.boolean().default(false),
});

export const rejectCorrectionSchema = z.object({
  prospectId: id,
  correctionId: id,
  reason: multilineText()
    .trim()
    .min(1, "Indiquez le motif du refus : il restera dans l'historique.")
    .max(500, "Motif : 500 caractères au plus."),
});

export type AcceptCorrectionsInput = z.input<typeof acceptCorrectionsSchema>;
export type RejectCorrectionInput = z.input<typeof rejectCorrectionSchema>;
