-- Open actions in the « Prochaines actions » and « Tâches » order (dueAt ASC NULLS LAST, createdAt,
-- id: a B-tree's ascending order puts NULLs last), so a page is read from the index and stops at
-- its limit instead of sorting every open action (issue 14: a Seq Scan on manager home, 389 ms for
-- the tasks at 100k).
-- The team's next actions (manager home): every open action.
CREATE INDEX "Action_open_due_idx" ON "Action" ("dueAt", "createdAt", "id") WHERE (NOT "done");
-- A user's tasks: assigned to him, or created by him and assigned to nobody.
CREATE INDEX "Action_assignee_open_due_idx" ON "Action" ("assigneeId", "dueAt", "createdAt", "id") WHERE (NOT "done");
CREATE INDEX "Action_creator_unassigned_open_due_idx" ON "Action" ("createdById", "dueAt", "createdAt", "id")
    WHERE (NOT "done" AND "assigneeId" IS NULL);
-- The objectives board's cards: a column's first cards in its order.
CREATE INDEX "Opportunity_stageId_expectedCloseDate_id_idx" ON "Opportunity" ("stageId", "expectedCloseDate", "id");
