-- « Actions faites »: the per-type counts of the report over all done actions (233 ms at
-- 1,000,000 actions) read one row per type and Paris day instead, kept by a row trigger in the
-- same transaction as the change, like the rollups of 20261206150100_stage_week_rollups. The app
-- never writes it.
CREATE TABLE "ActionDoneDayRollup" (
    "typeId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ActionDoneDayRollup_pkey" PRIMARY KEY ("typeId", "day")
);
CREATE INDEX "ActionDoneDayRollup_day_idx" ON "ActionDoneDayRollup" ("day");

CREATE FUNCTION crm_action_done_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_day date;
  new_day date;
BEGIN
  -- Counted like the report: done, with its doneAt, on its Paris day.
  IF TG_OP <> 'INSERT' AND OLD."done" AND OLD."doneAt" IS NOT NULL THEN
    old_day := (OLD."doneAt" AT TIME ZONE 'Europe/Paris')::date;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."done" AND NEW."doneAt" IS NOT NULL THEN
    new_day := (NEW."doneAt" AT TIME ZONE 'Europe/Paris')::date;
  END IF;
  IF TG_OP = 'UPDATE' AND old_day IS NOT DISTINCT FROM new_day AND OLD."typeId" = NEW."typeId" THEN
    RETURN NULL;
  END IF;
  IF old_day IS NOT NULL THEN
    UPDATE "ActionDoneDayRollup" r SET "count" = r."count" - 1 WHERE r."typeId" = OLD."typeId" AND r."day" = old_day;
  END IF;
  IF new_day IS NOT NULL THEN
    INSERT INTO "ActionDoneDayRollup" AS r ("typeId", "day", "count") VALUES (NEW."typeId", new_day, 1)
    ON CONFLICT ("typeId", "day") DO UPDATE SET "count" = r."count" + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Action_done_rollup" AFTER INSERT OR UPDATE OR DELETE ON "Action"
FOR EACH ROW EXECUTE FUNCTION crm_action_done_rollup();

INSERT INTO "ActionDoneDayRollup" ("typeId", "day", "count")
SELECT "typeId", ("doneAt" AT TIME ZONE 'Europe/Paris')::date, count(*)
FROM "Action"
WHERE "done" AND "doneAt" IS NOT NULL
GROUP BY 1, 2;
