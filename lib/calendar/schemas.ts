// The calendar's forms (« Nouveau rendez-vous », « Déplacer ») and its URL state: one schema
// each, shared by the browser and the server.
import { z } from "zod";
import "@/lib/zod-fr";
import { CALENDAR_VIEWS, type CalendarView } from "@/lib/calendar/range";
import { isCalendarDay } from "@/lib/dates";
import { parisLocalToUtc } from "@/lib/dates";
import { multilineText, textLine } from "@/lib/validation/text";

// Same limits as any action (lib/actions/schemas.ts).
const ACTION_SUBJECT_MAX = 200;
const ACTION_NOTES_MAX = 5000;

export const DEFAULT_DURATION_MINUTES = 60;
export const MAX_DURATION_MINUTES = 24 * 60;

// Far enough either way for any real planning; beyond, it is a typo ("20266").
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const INVALID_DATE_TIME = "Date ou heure invalide.";

// A datetime-local value, Paris time; converted to UTC by the server (parisLocalToUtc).
const parisDateTime = (requiredMessage: string) =>
  z
    .string()
    .trim()
    .min(1, requiredMessage)
    .refine((value) => {
      const instant = parisLocalToUtc(value);
      return instant !== null && instant.getTime() >= EARLIEST && instant.getTime() < LATEST;
    }, INVALID_DATE_TIME);

export const createAppointmentSchema = z.object({
  typeId: z.string().trim().min(1, "Choisissez un type de rendez-vous.").max(64),
  prospectId: z.string().trim().min(1, "Choisissez le prospect concerné.").max(64),
  subject: textLine()
    .trim()
    .min(1, "L'objet est obligatoire.")
    .max(ACTION_SUBJECT_MAX, `L'objet ne doit pas dépasser ${ACTION_SUBJECT_MAX} caractères.`),
  startAt: parisDateTime("Indiquez la date et l'heure de début."),
  // Typed as text in the form; whole minutes, up to a day.
  durationMinutes: z
    .string()
    .trim()
    .min(1, "Indiquez la durée en minutes.")
    .regex(/^\d{1,4}$/, "La durée est un nombre entier de minutes.")
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(5, "La durée est d'au moins 5 minutes.")
        .max(MAX_DURATION_MINUTES, "La durée ne peut pas dépasser 24 heures (1440 minutes)."),
    ),
  notes: multilineText()
    .trim()
    .max(ACTION_NOTES_MAX, `Les notes ne doivent pas dépasser ${ACTION_NOTES_MAX} caractères.`)
    .optional()
    .default(""),
});

export type CreateAppointmentInput = z.input<typeof createAppointmentSchema>;
export type CreateAppointmentValues = z.output<typeof createAppointmentSchema>;

export const moveAppointmentSchema = z.object({
  actionId: z.string().trim().min(1, "Rendez-vous introuvable.").max(64),
  startAt: parisDateTime("Indiquez la nouvelle date et heure de début."),
});

export type MoveAppointmentInput = z.input<typeof moveAppointmentSchema>;
export type MoveAppointmentValues = z.output<typeof moveAppointmentSchema>;

export type CalendarParams = { view: CalendarView; date: string | null; userIds: string[] };

const MAX_USERS = 50;

function values(raw: string | string[] | undefined): string[] {
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(","));
}

// ?vue=mois|semaine|jour&date=YYYY-MM-DD&utilisateurs=id1,id2 (or repeated, as the checkbox
// form sends them). Anything malformed falls back to the default instead of failing.
export function parseCalendarParams(search: Record<string, string | string[] | undefined>): CalendarParams {
  const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);
  const rawView = first(search.vue);
  const view: CalendarView = CALENDAR_VIEWS.includes(rawView as CalendarView) ? (rawView as CalendarView) : "semaine";
  const rawDate = first(search.date);
  const date = isCalendarDay(rawDate) ? rawDate : null;
  const userIds = [...new Set(values(search.utilisateurs).map((v) => v.trim()))]
    .filter((v) => /^[A-Za-z0-9_-]{1,64}$/.test(v))
    .slice(0, MAX_USERS);
  return { view, date, userIds };
}
