import { z } from "zod";
import "@/lib/zod-fr";
import { textLine } from "@/lib/validation/text";

export const createApiKeySchema = z.object({
  name: textLine()
    .trim()
    .min(1, "Donnez un nom à la clé (par exemple « Plateforme de financement – production »).")
    .max(100, "100 caractères au plus."),
});

export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.string().min(1) });
