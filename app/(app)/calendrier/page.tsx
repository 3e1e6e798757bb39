import type { Metadata } from "next";
import { CalendarBoard } from "@/components/calendar/calendar-board";
import { CalendarLegend } from "@/components/calendar/calendar-legend";
import { CalendarToolbar } from "@/components/calendar/calendar-toolbar";
import { FeedSubscription } from "@/components/calendar/feed-subscription";
import { CalendarUserPicker } from "@/components/calendar/user-picker";
import { Card, SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { hasCalendarFeedLink } from "@/lib/calendar/feed";
import { formatPeriodTitle } from "@/lib/calendar/labels";
import { keepShownItems, layoutAppointments } from "@/lib/calendar/layout";
import { getCalendar } from "@/lib/calendar/queries";
import { parisDayOf } from "@/lib/dates";
import { parseCalendarParams } from "@/lib/calendar/schemas";
import { db } from "@/lib/db";
import { listTaskUsers } from "@/lib/tasks/queries";
import { defaultsToTeamView } from "@/lib/team-view";

export const metadata: Metadata = { title: "Calendrier" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The internal team's appointments (partners get a 404), in Paris time:
// ?vue=mois|semaine|jour&date=YYYY-MM-DD&utilisateurs=id1,id2.
export default async function CalendarPage({ searchParams }: Props) {
  const actor = await requirePermission("action:manage:any");
  const params = parseCalendarParams(await searchParams);
  const today = parisDayOf(new Date());
  const anchor = params.date ?? today;
  // A manager without a choice in the URL sees the whole team (resolveCalendarUsers keeps only
  // the users he may pick); a choice of himself alone stays in the URL.
  const teamView = defaultsToTeamView(actor.role) && params.userIds.length === 0;
  const userIds = teamView ? (await listTaskUsers(db)).map((u) => u.id) : params.userIds;
  const [data, hasFeed] = await Promise.all([
    getCalendar(actor, { view: params.view, anchor, userIds }),
    hasCalendarFeedLink(db, actor.id),
  ]);
  const { range, audience } = data;
  const onlyMine = audience.selectedIds.length === 1 && audience.selectedIds[0] === actor.id;
  const keepUsers = audience.canPickUsers && !teamView && (defaultsToTeamView(actor.role) || !onlyMine);
  const query: Record<string, string> = {
    vue: range.view,
    date: anchor,
    ...(keepUsers ? { utilisateurs: audience.selectedIds.join(",") } : {}),
  };
  const { itemsByDay, hidden } = keepShownItems(layoutAppointments(data.appointments, range.days, { showAssignee: !onlyMine }), range.view);
  const count = data.appointments.length;

  return (
    <>
      <PageHeader
        title="Calendrier"
        description={
          onlyMine
            ? "Vos rendez-vous, à l'heure de Paris. Cliquez sur un créneau libre pour en ajouter un, faites glisser un rendez-vous pour le déplacer."
            : teamView
              ? "Les rendez-vous de toute l'équipe, à l'heure de Paris."
              : "Les rendez-vous des utilisateurs choisis, à l'heure de Paris."
        }
      />
      <div className="flex flex-col gap-6">
        <Card className="flex flex-col gap-4 p-4">
          <CalendarToolbar view={range.view} anchor={anchor} today={today} title={formatPeriodTitle(range)} query={query} />
          {audience.canPickUsers ? (
            <CalendarUserPicker
              options={audience.options}
              selectedIds={teamView ? [] : audience.selectedIds}
              view={range.view}
              anchor={anchor}
              actorId={actor.id}
            />
          ) : null}
          <CalendarLegend types={data.legend} />
          <p className="text-sm text-slate-600">
            {count === 0 ? "Aucun rendez-vous sur cette période." : count === 1 ? "1 rendez-vous sur cette période." : `${count} rendez-vous sur cette période.`}
            {data.truncated ? " Seuls les premiers sont affichés : choisissez une période plus courte ou moins d'utilisateurs." : ""}
          </p>
          <CalendarBoard
            // A new period or view starts without the previous one's messages and dialogs.
            key={`${range.view}-${anchor}-${audience.selectedIds.join(",")}`}
            view={range.view}
            days={range.days}
            month={anchor.slice(0, 7)}
            today={today}
            itemsByDay={itemsByDay}
            hidden={hidden}
            types={data.types}
            query={query}
          />
        </Card>
        <SectionCard id="abonnement-agenda" title="Abonnement à votre agenda">
          <FeedSubscription hasLink={hasFeed} />
        </SectionCard>
      </div>
    </>
  );
}
