-- Rollups for the manager home (issue 14): the objectives board's per-column count and amount
-- and « Actions de la semaine » read a few hundred aggregate rows instead of every opportunity
-- and action. Row triggers keep them equal to the live aggregate IN THE SAME TRANSACTION as the
-- change (a rolled-back change leaves them untouched), whatever writes the rows. The app never
-- writes them.

-- One row per (stage, status, owner, month): for an open opportunity the month of its expected
-- close date (NULL: undated), for a won or lost one the Paris month of its closing (NULL: no
-- closing date, in no period). The board's periods are whole months, so « expected by the end
-- of the period » and « closed during it » are ranges of these months.
CREATE TABLE "OpportunityStageRollup" (
    "id" BIGSERIAL NOT NULL,
    "stageId" TEXT NOT NULL,
    "status" "OpportunityStatus" NOT NULL,
    "ownerId" TEXT,
    "month" DATE,
    "count" INTEGER NOT NULL DEFAULT 0,
    "amountCents" BIGINT NOT NULL,
    CONSTRAINT "OpportunityStageRollup_pkey" PRIMARY KEY ("id")
);
-- NULLS NOT DISTINCT: the unowned and the undated are one row each, so ON CONFLICT finds them.
CREATE UNIQUE INDEX "OpportunityStageRollup_stageId_status_ownerId_month_key"
    ON "OpportunityStageRollup" ("stageId", "status", "ownerId", "month") NULLS NOT DISTINCT;

CREATE FUNCTION crm_opportunity_rollup_month(status "OpportunityStatus", expected date, closed timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN status = 'OPEN' THEN date_trunc('month', expected::timestamp)::date
            ELSE date_trunc('month', closed AT TIME ZONE 'Europe/Paris')::date END;

CREATE FUNCTION crm_opportunity_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_month date;
  new_month date;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_month := crm_opportunity_rollup_month(OLD."status", OLD."expectedCloseDate", OLD."closedAt");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_month := crm_opportunity_rollup_month(NEW."status", NEW."expectedCloseDate", NEW."closedAt");
  END IF;
  -- Most saves (title, version) change nothing the rollup counts.
  IF TG_OP = 'UPDATE' AND OLD."stageId" = NEW."stageId" AND OLD."status" = NEW."status"
     AND OLD."ownerId" IS NOT DISTINCT FROM NEW."ownerId" AND old_month IS NOT DISTINCT FROM new_month
     AND OLD."amountCents" = NEW."amountCents" THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    UPDATE "OpportunityStageRollup" r
    SET "count" = r."count" - 1, "amountCents" = r."amountCents" - OLD."amountCents"
    WHERE r."stageId" = OLD."stageId" AND r."status" = OLD."status"
      AND r."ownerId" IS NOT DISTINCT FROM OLD."ownerId" AND r."month" IS NOT DISTINCT FROM old_month;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "OpportunityStageRollup" AS r ("stageId", "status", "ownerId", "month", "count", "amountCents")
    VALUES (NEW."stageId", NEW."status", NEW."ownerId", new_month, 1, NEW."amountCents")
    ON CONFLICT ("stageId", "status", "ownerId", "month")
    DO UPDATE SET "count" = r."count" + 1, "amountCents" = r."amountCents" + EXCLUDED."amountCents";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Opportunity_rollup" AFTER INSERT OR UPDATE OR DELETE ON "Opportunity"
FOR EACH ROW EXECUTE FUNCTION crm_opportunity_rollup();

INSERT INTO "OpportunityStageRollup" ("stageId", "status", "ownerId", "month", "count", "amountCents")
SELECT "stageId", "status", "ownerId", crm_opportunity_rollup_month("status", "expectedCloseDate", "closedAt"),
       count(*), coalesce(sum("amountCents"), 0)
FROM "Opportunity"
GROUP BY 1, 2, 3, 4;

-- One row per (assignee, Paris week, done): the actions assigned to someone and scheduled that
-- week, an appointment by its start, anything else by its due time. Unassigned or unscheduled
-- actions are in no rep's week and are not counted.
CREATE TABLE "ActionWeekRollup" (
    "assigneeId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "done" BOOLEAN NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ActionWeekRollup_pkey" PRIMARY KEY ("assigneeId", "weekStart", "done")
);

-- The Monday (Paris) of the week an action is scheduled in.
CREATE FUNCTION crm_action_week(start_at timestamptz, due_at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN date_trunc('week', coalesce(start_at, due_at) AT TIME ZONE 'Europe/Paris')::date;

CREATE FUNCTION crm_action_week_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_week date;
  new_week date;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."assigneeId" IS NOT NULL THEN
    old_week := crm_action_week(OLD."startAt", OLD."dueAt");
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."assigneeId" IS NOT NULL THEN
    new_week := crm_action_week(NEW."startAt", NEW."dueAt");
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."assigneeId" IS NOT DISTINCT FROM NEW."assigneeId"
     AND old_week IS NOT DISTINCT FROM new_week AND OLD."done" = NEW."done" THEN
    RETURN NULL;
  END IF;
  IF old_week IS NOT NULL THEN
    UPDATE "ActionWeekRollup" r SET "count" = r."count" - 1
    WHERE r."assigneeId" = OLD."assigneeId" AND r."weekStart" = old_week AND r."done" = OLD."done";
  END IF;
  IF new_week IS NOT NULL THEN
    INSERT INTO "ActionWeekRollup" AS r ("assigneeId", "weekStart", "done", "count")
    VALUES (NEW."assigneeId", new_week, NEW."done", 1)
    ON CONFLICT ("assigneeId", "weekStart", "done") DO UPDATE SET "count" = r."count" + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Action_week_rollup" AFTER INSERT OR UPDATE OR DELETE ON "Action"
FOR EACH ROW EXECUTE FUNCTION crm_action_week_rollup();

INSERT INTO "ActionWeekRollup" ("assigneeId", "weekStart", "done", "count")
SELECT "assigneeId", crm_action_week("startAt", "dueAt"), "done", count(*)
FROM "Action"
WHERE "assigneeId" IS NOT NULL AND coalesce("startAt", "dueAt") IS NOT NULL
GROUP BY 1, 2, 3;
