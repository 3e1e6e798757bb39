import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CommissionStatementStatus } from "@/lib/generated/prisma/enums";
import { STATEMENT_STATUS_LABELS } from "@/lib/commissions/labels";

const TONES: Record<CommissionStatementStatus, BadgeTone> = { DRAFT: "warning", VALIDATED: "info", PAID: "success" };

export function StatementStatusBadge({ status }: { status: CommissionStatementStatus }) {
  return <Badge tone={TONES[status]}>{STATEMENT_STATUS_LABELS[status]}</Badge>;
}
