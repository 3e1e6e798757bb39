import type { Metadata } from "next";
import { TaskTable } from "@/components/tasks/task-table";
import { TaskUserPicker } from "@/components/tasks/task-user-picker";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { taskCountLabel } from "@/lib/tasks/labels";
import { defaultsToTeamView } from "@/lib/team-view";
import { canPickTaskUsers, findTasks, listTaskUsers } from "@/lib/tasks/queries";
import { parseTaskListParams, taskListQuery } from "@/lib/tasks/schemas";

export const metadata: Metadata = { title: "Tâches" };

export default async function TasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Partners have no tasks screen: 404, like any page outside their role.
  const actor = await requirePermission("action:manage:any");
  const params = parseTaskListParams(await searchParams);
  const picker = canPickTaskUsers(actor);
  // A manager without a choice in the URL sees the whole team; « Mes tâches » is ?users=<self>.
  const teamView = picker && defaultsToTeamView(actor.role) && params.users.length === 0;
  const usersRead = picker ? listTaskUsers(db) : Promise.resolve([]);
  // Only the team view needs the picker's users before the tasks; otherwise both reads go at once.
  const [users, result] = teamView
    ? await usersRead.then(async (team) => [team, await findTasks(db, actor, { ...params, users: team.map((u) => u.id) })] as const)
    : await Promise.all([usersRead, findTasks(db, actor, params)]);
  const mine = result.userIds.length === 1 && result.userIds[0] === actor.id;
  // Links are built from what is shown: the users kept (the pager adds its cursor).
  const keepUsers = !teamView && (defaultsToTeamView(actor.role) || !mine);
  const query = taskListQuery({ users: keepUsers ? result.userIds : [] });
  const names = users.filter((u) => result.userIds.includes(u.id)).map((u) => u.name);

  return (
    <>
      <PageHeader
        title="Tâches"
        description={
          <>
            <span>
              {teamView
                ? "Tâches non faites de toute l'équipe"
                : mine
                  ? "Vos tâches non faites"
                  : `Tâches non faites de : ${names.join(", ")}`}
            </span>
            <span aria-hidden="true"> · </span>
            <span>{taskCountLabel(result.total, result.totalIsLowerBound)}</span>
          </>
        }
      />
      {picker ? <TaskUserPicker users={users} selected={teamView ? [] : result.userIds} actorId={actor.id} /> : null}
      <TaskTable
        key={`${query.users ?? ""}:${result.startCursor ?? ""}`}
        // Only what the rows show: the client component's props are serialised into the page.
        rows={result.rows.map(({ id, subject, dueAt, reminderAt, reminderByEmail, type, prospect, assignee }) => ({
          id,
          subject,
          dueAt,
          reminderAt,
          reminderByEmail,
          type,
          prospect,
          assignee: assignee && { name: assignee.name },
        }))}
        total={result.total}
        perPage={result.perPage}
        query={query}
        now={new Date().toISOString()}
        emptyTitle={
          mine ? "Aucune tâche à faire : vous êtes à jour." : teamView ? "Aucune tâche à faire dans l'équipe." : "Aucune tâche à faire pour ces utilisateurs."
        }
        emptyDescription={mine ? "Les actions non faites qui vous sont attribuées apparaissent ici." : undefined}
      />
      {result.hasPrevious || result.hasNext ? (
        <nav aria-label="Pagination" className="mt-4">
          <KeysetPagination pathname="/taches" query={query} page={result} />
        </nav>
      ) : null}
    </>
  );
}
