-- The partner dashboard's « Dernières factures … » found without joining every prospect of the
-- partner (issue 14): Invoice carries its client's partnerId. Triggers keep it equal to the
-- client's, in the same transaction as any insert, client change or partner change, whatever
-- code path makes it; the app never writes it.
ALTER TABLE "Invoice" ADD COLUMN "partnerId" TEXT;

UPDATE "Invoice" i SET "partnerId" = p."partnerId" FROM "Prospect" p WHERE p."id" = i."clientId";

CREATE FUNCTION crm_invoice_set_partner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p."partnerId" INTO NEW."partnerId" FROM "Prospect" p WHERE p."id" = NEW."clientId";
  RETURN NEW;
END
$$;

CREATE TRIGGER "Invoice_set_partnerId" BEFORE INSERT OR UPDATE OF "clientId", "partnerId" ON "Invoice"
FOR EACH ROW EXECUTE FUNCTION crm_invoice_set_partner();

CREATE FUNCTION crm_prospect_partner_to_invoices() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Invoice" SET "partnerId" = NEW."partnerId" WHERE "clientId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Prospect_partnerId_to_invoices" AFTER UPDATE OF "partnerId" ON "Prospect"
FOR EACH ROW WHEN (OLD."partnerId" IS DISTINCT FROM NEW."partnerId")
EXECUTE FUNCTION crm_prospect_partner_to_invoices();

-- In the dashboard's order (latest step first, undated last), so a partner's five latest are the
-- first five entries of its range.
CREATE INDEX "Invoice_partnerId_status_submittedAt_id_idx" ON "Invoice" ("partnerId", "status", "submittedAt" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Invoice_partnerId_status_validatedAt_id_idx" ON "Invoice" ("partnerId", "status", "validatedAt" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Invoice_partnerId_status_financedAt_id_idx" ON "Invoice" ("partnerId", "status", "financedAt" DESC NULLS LAST, "id" DESC);
