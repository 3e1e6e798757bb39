-- The objectives board of one rep (a sales rep's home, or a manager's pick): a column's first cards
-- of that owner in the board's order, instead of filtering the whole column (14 ms at 100k).
CREATE INDEX "Opportunity_ownerId_stageId_expectedCloseDate_id_idx" ON "Opportunity" ("ownerId", "stageId", "expectedCloseDate", "id");
