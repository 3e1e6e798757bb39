-- Indexes for every list's filter and sort at real volume (issue 14), and accent-insensitive
-- trigram search on prospects. Both extensions are trusted (PostgreSQL 13+) and ship with the
-- embedded PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change), so a generated column cannot call it;
-- this wrapper pins the dictionary and is declared IMMUTABLE, the documented way to index it.
CREATE FUNCTION crm_search_text(name text, city text, siren text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN lower(public.unaccent('public.unaccent'::regdictionary, concat_ws(' ', name, city, siren)));

ALTER TABLE "Prospect" ADD COLUMN "searchText" TEXT GENERATED ALWAYS AS (crm_search_text("name", "city", "siren")) STORED;

CREATE INDEX "Prospect_searchText_idx" ON "Prospect" USING GIN ("searchText" gin_trgm_ops);
CREATE INDEX "Prospect_name_id_idx" ON "Prospect" ("name", "id");
CREATE INDEX "Prospect_createdAt_id_idx" ON "Prospect" ("createdAt", "id");
CREATE INDEX "Action_assigneeId_startAt_idx" ON "Action" ("assigneeId", "startAt");
CREATE INDEX "Action_doneAt_id_idx" ON "Action" ("doneAt", "id");
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification" ("userId", "createdAt", "id");
