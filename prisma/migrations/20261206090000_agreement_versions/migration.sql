-- The partner agreement becomes a history of versions (« Convention partenaire »).
CREATE TABLE "AgreementVersion" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "directRateBps" INTEGER NOT NULL,
    "networkRateBps" INTEGER NOT NULL DEFAULT 0,
    "entitlementMonths" INTEGER,
    "notes" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementVersion_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AgreementVersion_partnerId_startsOn_key" ON "AgreementVersion"("partnerId", "startsOn");

ALTER TABLE "AgreementVersion" ADD CONSTRAINT "AgreementVersion_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every existing organisation keeps its rate as its first version, in force since it was created.
INSERT INTO "AgreementVersion" ("id", "partnerId", "startsOn", "directRateBps", "notes")
SELECT 'agr_' || "id", "id", ("createdAt" AT TIME ZONE 'Europe/Paris')::date, "commissionRateBps", "agreementNotes"
FROM "Partner";

ALTER TABLE "Partner" DROP COLUMN "commissionRateBps", DROP COLUMN "agreementNotes";
