// Body of the financing platform's POST /api/v1/connections (README « API connexions »).
import { z } from "zod";
import "@/lib/zod-fr";
import { compactDigits, isValidSiren } from "@/lib/validation/siren";
import { textLine } from "@/lib/validation/text";
import { CONNECTION_RELATIONS } from "@/lib/connections/schemas";

const siren = (what: string) =>
  z
    .string({ error: `Le SIREN ${what} est obligatoire.` })
    .transform(compactDigits)
    .refine((v) => /^\d{9}$/.test(v), { message: `Le SIREN ${what} doit comporter 9 chiffres.`, abort: true })
    .refine(isValidSiren, `Le SIREN ${what} est invalide (clé de contrôle).`);

export const createConnectionSchema = z.object({
  clientSiren: siren("du client"),
  siren: siren("de la connexion"),
  name: textLine({ error: "Le nom de la connexion est obligatoire." })
    .trim()
    .min(1, "Le nom de la connexion est obligatoire.")
    .max(200, "Le nom de la connexion fait 200 caractères au plus."),
  relation: z.enum(CONNECTION_RELATIONS, { error: "La relation vaut SUPPLIER (fournisseur) ou CUSTOMER (client)." }),
});

export type CreateConnectionBody = z.input<typeof createConnectionSchema>;
export type CreateConnectionInput = z.output<typeof createConnectionSchema>;
