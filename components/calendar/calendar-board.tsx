"use client";

// The interactive part of /calendrier: the month or hour grid, the « Nouveau rendez-vous »
// dialog opened from a slot, drag and drop between slots and the « Déplacer » dialog. Every
// change goes through a server action, then the page is refreshed from the server.
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { GridCallbacks } from "@/components/calendar/drop-zone";
import { Modal } from "@/components/calendar/modal";
import { MonthGrid } from "@/components/calendar/month-grid";
import { MoveAppointmentForm } from "@/components/calendar/move-appointment-form";
import { NewAppointmentForm } from "@/components/calendar/new-appointment-form";
import { TimeGrid } from "@/components/calendar/time-grid";
import { actionError, type ActionResult } from "@/lib/action-result";
import { moveAppointmentAction } from "@/lib/calendar/actions";
import { formatLongDay } from "@/lib/calendar/labels";
import type { CalendarItem } from "@/lib/calendar/layout";
import type { AppointmentTypeOption } from "@/lib/calendar/queries";
import type { CalendarView } from "@/lib/calendar/range";
import type { MoveAppointmentInput } from "@/lib/calendar/schemas";
import { hrefWith } from "@/lib/url";

const NETWORK_ERROR = "Le rendez-vous n'a pas pu être déplacé. Vérifiez votre connexion et réessayez.";

type Notice = { tone: "success" | "error"; text: string };

export function CalendarBoard({
  view,
  days,
  month,
  today,
  itemsByDay,
  hidden,
  types,
  query,
}: {
  view: CalendarView;
  days: string[];
  month: string;
  today: string;
  itemsByDay: Record<string, CalendarItem[]>;
  // Appointments not sent, by hiddenKey (lib/calendar/layout.ts): « +N autres ».
  hidden: Record<string, number>;
  types: AppointmentTypeOption[];
  // The page's query string, kept by the links to a day.
  query: Record<string, string>;
}) {
  const router = useRouter();
  const [newStart, setNewStart] = useState<string | null>(null);
  const [moving, setMoving] = useState<CalendarItem | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [activeDropKey, setActiveDropKey] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const [dropping, setDropping] = useState(false);
  const dragged = useRef<CalendarItem | null>(null);

  const refresh = () => startRefresh(() => router.refresh());

  async function move(input: MoveAppointmentInput): Promise<ActionResult<unknown>> {
    let result: ActionResult<unknown>;
    try {
      result = await moveAppointmentAction(input);
    } catch {
      result = actionError(NETWORK_ERROR);
    }
    if (result.ok) {
      setMoving(null);
      setNotice({ tone: "success", text: "Le rendez-vous a été déplacé." });
      refresh();
    }
    return result;
  }

  const callbacks: GridCallbacks = {
    activeDropKey,
    dropHandlers: (key, target) => ({
      onDragOver(event) {
        if (!dragged.current) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        if (activeDropKey !== key) setActiveDropKey(key);
      },
      onDragLeave(event) {
        // Leaving for a child of the same cell is not leaving the cell.
        if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
        setActiveDropKey((current) => (current === key ? null : current));
      },
      onDrop(event) {
        event.preventDefault();
        const item = dragged.current;
        dragged.current = null;
        setActiveDropKey(null);
        if (!item) return;
        const startAt = target(item);
        if (startAt === item.startLocal) return;
        setDropping(true);
        setNotice(null);
        void move({ actionId: item.id, startAt }).then((result) => {
          setDropping(false);
          if (!result.ok) setNotice({ tone: "error", text: result.error });
        });
      },
    }),
    onNew: (startLocal) => {
      setNotice(null);
      setNewStart(startLocal);
    },
    onMove: (item) => {
      setNotice(null);
      setMoving(item);
    },
    onDragStart: (item) => {
      dragged.current = item;
    },
    onDragEnd: () => {
      dragged.current = null;
      setActiveDropKey(null);
    },
  };

  const dayHref = (day: string) => hrefWith("/calendrier", query, { vue: "jour", date: day });
  const busy = dropping || refreshing;

  return (
    <div className="flex flex-col gap-3">
      <div role="status" aria-live="polite" aria-atomic="true" className="min-h-5 text-sm">
        {busy ? (
          <span className="text-slate-500">Mise à jour du calendrier…</span>
        ) : notice?.tone === "success" ? (
          <span className="text-emerald-800">{notice.text}</span>
        ) : null}
      </div>
      <div role="alert" aria-atomic="true">
        {notice?.tone === "error" ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{notice.text}</p>
        ) : null}
      </div>

      {view === "mois" ? (
        <MonthGrid days={days} month={month} today={today} itemsByDay={itemsByDay} hidden={hidden} dayHref={dayHref} callbacks={callbacks} />
      ) : (
        <TimeGrid
          days={days}
          today={today}
          itemsByDay={itemsByDay}
          hidden={hidden}
          dayHref={view === "semaine" ? dayHref : null}
          callbacks={callbacks}
        />
      )}

      <Modal
        open={newStart !== null}
        title="Nouveau rendez-vous"
        description={newStart ? `Le ${formatLongDay(newStart.slice(0, 10))}, heure de Paris.` : undefined}
        onClose={() => setNewStart(null)}
      >
        {newStart ? (
          <NewAppointmentForm
            types={types}
            startLocal={newStart}
            onCancel={() => setNewStart(null)}
            onCreated={() => {
              setNewStart(null);
              setNotice({ tone: "success", text: "Le rendez-vous a été créé." });
              refresh();
            }}
          />
        ) : null}
      </Modal>

      <Modal
        open={moving !== null}
        title="Déplacer le rendez-vous"
        description={moving ? `${moving.subject} — ${moving.prospectName}` : undefined}
        onClose={() => setMoving(null)}
      >
        {moving ? (
          <MoveAppointmentForm
            actionId={moving.id}
            startLocal={moving.startLocal}
            durationMinutes={moving.durationMinutes}
            move={move}
            onCancel={() => setMoving(null)}
          />
        ) : null}
      </Modal>
    </div>
  );
}
