-- Exactly-once e-mail: a lease per message, a stable Message-ID, the relay's acceptance recorded.
ALTER TYPE "OutboxStatus" ADD VALUE 'HELD';

ALTER TABLE "OutboxEmail" ADD COLUMN "messageId" TEXT,
ADD COLUMN "leaseOwner" TEXT,
ADD COLUMN "leaseUntil" TIMESTAMPTZ(3),
ADD COLUMN "smtpResponse" TEXT,
ADD COLUMN "smtpQueueId" TEXT;

-- Supervision: each worker's last sign of life.
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- This database's identity: the prefix its attachment files live under and its sweep owns.
CREATE TABLE "Installation" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "installId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("id")
);

INSERT INTO "Installation" ("id", "installId") VALUES (1, replace(gen_random_uuid()::text, '-', ''));
