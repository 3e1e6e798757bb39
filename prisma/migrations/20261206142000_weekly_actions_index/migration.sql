-- « Actions de la semaine » counts a rep's week from indexes: appointments by (assigneeId,
-- startAt), the others (no start) by their due time.
CREATE INDEX "Action_unscheduled_due_idx" ON "Action" ("assigneeId", "dueAt") WHERE ("startAt" IS NULL);
