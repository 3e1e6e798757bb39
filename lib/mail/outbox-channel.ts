// The PostgreSQL NOTIFY channel enqueueEmail signals on and the worker LISTENs to. PostgreSQL
// delivers a NOTIFY only when its transaction commits, so the worker wakes once the e-mail and
// the business change it belongs to exist, and never for a rolled-back one.
export const OUTBOX_CHANNEL = "crm_outbox";
