// The accounts forms' schemas, shared by each form and its server action.
import { z } from "zod";
import "@/lib/zod-fr";
import { agreementVersionFields } from "@/lib/agreements/schemas";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "@/lib/auth/schemas";
import { compactDigits, sirenError } from "@/lib/validation/siren";
import { textLine } from "@/lib/validation/text";

const ROLE_VALUES = ["PARTNER", "SALES", "MANAGER", "ADMIN"] as const;

const id = z.string().trim().min(1).max(40);

const email = z
  .string()
  .trim()
  .min(1, "L'adresse e-mail est obligatoire.")
  .max(EMAIL_MAX_LENGTH, "Adresse e-mail trop longue.")
  .pipe(z.email("Adresse e-mail invalide."))
  .transform((v) => v.toLowerCase());

const personName = textLine().trim().min(1, "Le nom est obligatoire.").max(120, "120 caractères au plus.");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au plus.`)
    .transform((v) => (v === "" ? null : v));

// ——— Users ———

const membershipFields = {
  name: personName,
  role: z.enum(ROLE_VALUES, { error: "Choisissez un rôle." }),
  partnerId: z.string().trim().max(40).transform((v) => (v === "" ? null : v)),
};

// A partner belongs to exactly one organisation; staff to none.
function refineMembership(value: { role: string; partnerId: string | null }, ctx: z.RefinementCtx) {
  if (value.role === "PARTNER" && !value.partnerId) {
    ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Choisissez l'organisation de ce partenaire." });
  }
  if (value.role !== "PARTNER" && value.partnerId) {
    ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Seul un partenaire appartient à une organisation." });
  }
}

export const inviteUserSchema = z.object({ email, ...membershipFields }).superRefine(refineMembership);
export type InviteUserInput = z.input<typeof inviteUserSchema>;
export type InviteUserValues = z.output<typeof inviteUserSchema>;

export const updateUserSchema = z.object({ id, ...membershipFields }).superRefine(refineMembership);
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type UpdateUserValues = z.output<typeof updateUserSchema>;

export const userIdSchema = z.object({ id });
export const setUserActiveSchema = z.object({ id, active: z.boolean() });

// ——— Partner organisations ———

const partnerFields = {
  name: textLine().trim().min(1, "Le nom de l'organisation est obligatoire.").max(200, "200 caractères au plus."),
  siren: z.string().transform((value, ctx) => {
    const digits = compactDigits(value);
    if (digits === "") return null;
    const problem = sirenError(digits);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return digits;
  }),
  street: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d{5}$/.test(v), "Le code postal comporte 5 chiffres.")
    .transform((v) => (v === "" ? null : v)),
  city: optionalText(120),
  contactEmail: z
    .string()
    .trim()
    .max(EMAIL_MAX_LENGTH, "Adresse e-mail trop longue.")
    .refine((v) => v === "" || z.email().safeParse(v).success, "Adresse e-mail invalide.")
    .transform((v) => (v === "" ? null : v.toLowerCase())),
};

export const createPartnerSchema = z.object({ ...partnerFields, ...agreementVersionFields });
export type CreatePartnerInput = z.input<typeof createPartnerSchema>;
export type CreatePartnerValues = z.output<typeof createPartnerSchema>;

export const updatePartnerSchema = z.object({ id, ...partnerFields });
export type UpdatePartnerInput = z.input<typeof updatePartnerSchema>;
export type UpdatePartnerValues = z.output<typeof updatePartnerSchema>;

export const setPartnerActiveSchema = z.object({ id, active: z.boolean() });

// ——— Self-service ———

const newPassword = z.string().max(PASSWORD_MAX_LENGTH, "Mot de passe trop long.");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Saisissez votre mot de passe actuel.").max(PASSWORD_MAX_LENGTH, "Mot de passe trop long."),
    newPassword,
    confirmPassword: z.string().max(PASSWORD_MAX_LENGTH),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Les deux mots de passe ne sont pas identiques." });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const choosePasswordSchema = z
  .object({ newPassword, confirmPassword: z.string().max(PASSWORD_MAX_LENGTH) })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Les deux mots de passe ne sont pas identiques." });
export type ChoosePasswordInput = z.input<typeof choosePasswordSchema>;

export const forgotPasswordSchema = z.object({ email });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

export const changeNameSchema = z.object({ name: personName });
export type ChangeNameInput = z.input<typeof changeNameSchema>;

export const sessionIdSchema = z.object({ id: z.string().min(1).max(100) });

export const totpCodeSchema = z.object({
  code: z.string().trim().min(1, "Saisissez le code.").max(40, "Code trop long."),
});
export type TotpCodeInput = z.input<typeof totpCodeSchema>;
