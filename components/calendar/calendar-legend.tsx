// « Légende »: each appointment type and its colour, drawn exactly as the appointments are.
import { TypeMark } from "@/components/calendar/appointment-item";
import { appointmentColors } from "@/lib/calendar/colors";
import type { AppointmentTypeOption } from "@/lib/calendar/queries";

export function CalendarLegend({ types }: { types: AppointmentTypeOption[] }) {
  return (
    <section aria-labelledby="calendrier-legende" className="flex flex-col gap-2">
      <h2 id="calendrier-legende" className="text-sm font-medium text-slate-700">
        Légende
      </h2>
      {types.length === 0 ? (
        <p className="text-sm text-slate-500">Aucun type de rendez-vous n&apos;est défini.</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {types.map((type) => (
            <li
              key={type.id}
              style={appointmentColors(type.color)}
              data-type-color={appointmentColors(type.color).backgroundColor}
              className="inline-flex items-center gap-1 rounded border px-2 py-0.5 text-xs font-medium"
            >
              <TypeMark name={type.name} />
              {type.name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
