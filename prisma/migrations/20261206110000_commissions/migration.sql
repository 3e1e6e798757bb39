-- Partner remuneration (issue 10): commission lines per financed invoice, monthly statements
-- with manual adjustments, and the gapless REL-YYYY-NNNN sequence.
CREATE TYPE "CommissionKind" AS ENUM ('DIRECT', 'NETWORK');
CREATE TYPE "CommissionLineType" AS ENUM ('EARNING', 'REVERSAL');
CREATE TYPE "CommissionStatementStatus" AS ENUM ('DRAFT', 'VALIDATED', 'PAID');

CREATE TABLE "CommissionLine" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "introducedById" TEXT,
    "type" "CommissionLineType" NOT NULL,
    "kind" "CommissionKind" NOT NULL,
    "baseCents" INTEGER NOT NULL,
    "rateBps" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "agreementVersionId" TEXT NOT NULL,
    "financedAt" TIMESTAMPTZ(3) NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "periodMonth" DATE NOT NULL,
    "statementId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommissionLine_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CommissionStatement" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "periodMonth" DATE NOT NULL,
    "status" "CommissionStatementStatus" NOT NULL DEFAULT 'DRAFT',
    "number" TEXT,
    "totalCents" INTEGER NOT NULL DEFAULT 0,
    "validatedAt" TIMESTAMPTZ(3),
    "validatedById" TEXT,
    "pdfStorageKey" TEXT,
    "paidOn" DATE,
    "paymentReference" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CommissionStatement_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CommissionAdjustment" (
    "id" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "visibleToPartner" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommissionAdjustment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CommissionStatementSequence" (
    "year" INTEGER NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CommissionStatementSequence_pkey" PRIMARY KEY ("year")
);

CREATE UNIQUE INDEX "CommissionLine_invoiceId_type_key" ON "CommissionLine"("invoiceId", "type");
CREATE INDEX "CommissionLine_partnerId_periodMonth_idx" ON "CommissionLine"("partnerId", "periodMonth");
CREATE INDEX "CommissionLine_statementId_idx" ON "CommissionLine"("statementId");
CREATE INDEX "CommissionLine_clientId_idx" ON "CommissionLine"("clientId");
CREATE UNIQUE INDEX "CommissionStatement_number_key" ON "CommissionStatement"("number");
CREATE UNIQUE INDEX "CommissionStatement_partnerId_periodMonth_key" ON "CommissionStatement"("partnerId", "periodMonth");
CREATE INDEX "CommissionStatement_periodMonth_status_idx" ON "CommissionStatement"("periodMonth", "status");
CREATE INDEX "CommissionAdjustment_statementId_idx" ON "CommissionAdjustment"("statementId");

ALTER TABLE "CommissionLine" ADD CONSTRAINT "CommissionLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CommissionLine" ADD CONSTRAINT "CommissionLine_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CommissionLine" ADD CONSTRAINT "CommissionLine_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Prospect"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CommissionLine" ADD CONSTRAINT "CommissionLine_introducedById_fkey" FOREIGN KEY ("introducedById") REFERENCES "Prospect"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CommissionLine" ADD CONSTRAINT "CommissionLine_agreementVersionId_fkey" FOREIGN KEY ("agreementVersionId") REFERENCES "AgreementVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CommissionLine" ADD CONSTRAINT "CommissionLine_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "CommissionStatement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CommissionStatement" ADD CONSTRAINT "CommissionStatement_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CommissionAdjustment" ADD CONSTRAINT "CommissionAdjustment_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "CommissionStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Statements of record are immutable in the database too, whatever the code path: once a
-- statement leaves DRAFT only its payment (VALIDATED → PAID with date and reference) and the
-- first storage of its PDF may change; its lines and adjustments are frozen; a line is never
-- edited, only attached once to a draft statement.
CREATE FUNCTION "commission_statement_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" <> 'DRAFT' AND (
       NEW."partnerId" IS DISTINCT FROM OLD."partnerId"
    OR NEW."periodMonth" IS DISTINCT FROM OLD."periodMonth"
    OR NEW."number" IS DISTINCT FROM OLD."number"
    OR NEW."totalCents" IS DISTINCT FROM OLD."totalCents"
    OR NEW."validatedAt" IS DISTINCT FROM OLD."validatedAt"
    OR NEW."validatedById" IS DISTINCT FROM OLD."validatedById"
    OR (OLD."pdfStorageKey" IS NOT NULL AND NEW."pdfStorageKey" IS DISTINCT FROM OLD."pdfStorageKey")
    OR (OLD."status" = 'PAID' AND (NEW."status" <> 'PAID' OR NEW."paidOn" IS DISTINCT FROM OLD."paidOn"
        OR NEW."paymentReference" IS DISTINCT FROM OLD."paymentReference"))
    OR (OLD."status" = 'VALIDATED' AND NEW."status" NOT IN ('VALIDATED', 'PAID'))
  ) THEN
    RAISE EXCEPTION 'CommissionStatement % is validated and cannot change', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "CommissionStatement_immutable" BEFORE UPDATE ON "CommissionStatement"
FOR EACH ROW EXECUTE FUNCTION "commission_statement_immutable"();

CREATE FUNCTION "commission_line_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."statementId" IS NOT NULL
    OR (NEW."invoiceId", NEW."partnerId", NEW."clientId", NEW."introducedById", NEW."type", NEW."kind", NEW."baseCents",
        NEW."rateBps", NEW."amountCents", NEW."agreementVersionId", NEW."financedAt", NEW."occurredAt", NEW."periodMonth")
       IS DISTINCT FROM
       (OLD."invoiceId", OLD."partnerId", OLD."clientId", OLD."introducedById", OLD."type", OLD."kind", OLD."baseCents",
        OLD."rateBps", OLD."amountCents", OLD."agreementVersionId", OLD."financedAt", OLD."occurredAt", OLD."periodMonth")
    OR (NEW."statementId" IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM "CommissionStatement" s WHERE s."id" = NEW."statementId" AND s."status" = 'DRAFT'))
  THEN
    RAISE EXCEPTION 'CommissionLine % cannot change', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "CommissionLine_immutable" BEFORE UPDATE ON "CommissionLine"
FOR EACH ROW EXECUTE FUNCTION "commission_line_immutable"();

CREATE FUNCTION "commission_adjustment_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."statementId" ELSE NEW."statementId" END;
BEGIN
  IF EXISTS (SELECT 1 FROM "CommissionStatement" s WHERE s."id" = target AND s."status" <> 'DRAFT') THEN
    RAISE EXCEPTION 'Statement % is validated: its adjustments cannot change', target USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER "CommissionAdjustment_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "CommissionAdjustment"
FOR EACH ROW EXECUTE FUNCTION "commission_adjustment_frozen"();
