// The « Dossiers prêts à démarrer » inbox: its URL state (every field falls back to a default,
// so a hand-edited query string cannot break the page) and the inputs of its actions.
import { z } from "zod";
import "@/lib/zod-fr";

export const TRIAGE_PER_PAGE_OPTIONS = [10, 25, 50] as const;
export const TRIAGE_DEFAULT_PER_PAGE = 25;

export const TRIAGE_VIEWS = ["a-traiter", "mes-dossiers", "tous"] as const;
export type TriageView = (typeof TRIAGE_VIEWS)[number];

export const TRIAGE_VIEW_LABELS: Record<TriageView, string> = {
  "a-traiter": "À traiter",
  "mes-dossiers": "Mes dossiers",
  tous: "Tous, clients compris",
};

const MAX_PAGE = 100_000;

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

export type TriageListParams = { page: number; perPage: number; vue: TriageView };

const triageListParamsSchema = z.object({
  page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1),
  perPage: z
    .preprocess(
      first,
      z.coerce
        .number()
        .int()
        .refine((n) => (TRIAGE_PER_PAGE_OPTIONS as readonly number[]).includes(n)),
    )
    .catch(TRIAGE_DEFAULT_PER_PAGE),
  vue: z.preprocess(first, z.enum(TRIAGE_VIEWS)).catch("a-traiter"),
});

export function parseTriageListParams(searchParams: unknown): TriageListParams {
  const parsed = triageListParamsSchema.safeParse(searchParams ?? {});
  return parsed.success ? parsed.data : { page: 1, perPage: TRIAGE_DEFAULT_PER_PAGE, vue: "a-traiter" };
}

export function triageListQuery(params: TriageListParams): Record<string, string> {
  const query: Record<string, string> = {};
  if (params.vue !== "a-traiter") query.vue = params.vue;
  if (params.perPage !== TRIAGE_DEFAULT_PER_PAGE) query.perPage = String(params.perPage);
  if (params.page !== 1) query.page = String(params.page);
  return query;
}

const id = z.string().trim().min(1, "Dossier introuvable.").max(40);

export const assignProspectSchema = z.object({
  prospectId: id,
  ownerId: z.string().trim().min(1, "Choisissez un commercial.").max(40),
});
export type AssignProspectInput = z.input<typeof assignProspectSchema>;

export const resendLinkSchema = z.object({ prospectId: id });
export type ResendLinkInput = z.input<typeof resendLinkSchema>;

export const moveStageSchema = z.object({
  prospectId: id,
  stage: z.enum(["ONBOARDING", "CLIENT"], { message: "Étape inconnue." }),
});
export type MoveStageInput = z.input<typeof moveStageSchema>;
