-- « Corrections du client »: what the client corrected on the onboarding page, awaiting review.
CREATE TYPE "CorrectionStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

CREATE TABLE "ProspectCorrection" (
    "id" TEXT NOT NULL,
    "prospectId" TEXT NOT NULL,
    "onboardingLinkId" TEXT,
    "contactId" TEXT,
    "field" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT NOT NULL,
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "status" "CorrectionStatus" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProspectCorrection_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ProspectCorrection_prospectId_status_idx" ON "ProspectCorrection"("prospectId", "status");

ALTER TABLE "ProspectCorrection" ADD CONSTRAINT "ProspectCorrection_prospectId_fkey" FOREIGN KEY ("prospectId") REFERENCES "Prospect"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProspectCorrection" ADD CONSTRAINT "ProspectCorrection_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- « Importer des prospects »: an uploaded spreadsheet and its rows, processed by the worker.
CREATE TYPE "ImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'UNDONE');
CREATE TYPE "ImportRowOutcome" AS ENUM ('CREATED', 'SKIPPED', 'FAILED');

CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "partnerId" TEXT,
    "ownerId" TEXT,
    "typeId" TEXT,
    "originId" TEXT,
    "fileName" TEXT NOT NULL,
    "enrich" BOOLEAN NOT NULL DEFAULT false,
    "status" "ImportStatus" NOT NULL DEFAULT 'QUEUED',
    "totalRows" INTEGER NOT NULL,
    "heartbeatAt" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "undoneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ImportJob_status_heartbeatAt_idx" ON "ImportJob"("status", "heartbeatAt");
CREATE INDEX "ImportJob_createdById_createdAt_idx" ON "ImportJob"("createdById", "createdAt");

ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ImportRow" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "outcome" "ImportRowOutcome",
    "message" TEXT,
    "prospectId" TEXT,
    "processedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ImportRow_importId_rowNumber_key" ON "ImportRow"("importId", "rowNumber");
CREATE INDEX "ImportRow_hash_idx" ON "ImportRow"("hash");
CREATE INDEX "ImportRow_prospectId_idx" ON "ImportRow"("prospectId");

ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_prospectId_fkey" FOREIGN KEY ("prospectId") REFERENCES "Prospect"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One « particulier » per organisation (lib/prospects/person-key.ts). Existing files keep a null
-- key until their next save, so a duplicate already present cannot make this migration fail.
ALTER TABLE "Prospect" ADD COLUMN "personKey" TEXT;
CREATE UNIQUE INDEX "Prospect_active_person_key" ON "Prospect"("personKey") WHERE ("personKey" IS NOT NULL AND "status" <> 'NOT_INTERESTED'::"ProspectStatus");

-- « Visible par l'apporteur »: on for the types partners can use, off for campaigns' generated ones.
ALTER TABLE "ActionType" ADD COLUMN "visibleToPartner" BOOLEAN NOT NULL DEFAULT true;
UPDATE "ActionType" SET "visibleToPartner" = false WHERE "id" IN (SELECT "actionTypeId" FROM "Campaign" WHERE "actionTypeId" IS NOT NULL);
