// Role → permissions: the one table the UI (`can`) and the server (`requirePermission`) read.
import type { Role } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = [
  "dashboard:view",
  "prospect:read:own", // prospects of the actor's partner organisation
  "prospect:read:any",
  "prospect:create",
  "prospect:update:own",
  "prospect:update:any",
  "prospect:internal:read", // internal notes, opportunities, quotes
  "action:manage:own",
  "action:manage:any",
  "invoice:read:own",
  "invoice:read:any",
  "alert:triage",
  "opportunity:manage",
  "quote:manage",
  "report:view",
  "objective:manage",
  "campaign:manage",
  "user:manage",
  "partner:manage",
  "reference:manage",
  "outbox:view",
  "apikey:manage", // keys of the financing platform calling /api/v1
  "user:manage:partner", // invite, deactivate and reactivate PARTNER users (not staff)
  "security-log:view", // « Journal de sécurité »
  "commission:read:own", // the partner's « Mes commissions »
  "commission:manage", // « Relevés de commissions »: generate, adjust, validate, mark paid
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const SALES: Permission[] = [
  "dashboard:view",
  "prospect:read:any",
  "prospect:create",
  "prospect:update:any",
  "prospect:internal:read",
  "action:manage:any",
  "invoice:read:any",
  "alert:triage",
  "opportunity:manage",
  "quote:manage",
  "report:view",
  "campaign:manage",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  PARTNER: [
    "dashboard:view",
    "prospect:read:own",
    "prospect:create",
    "prospect:update:own",
    "action:manage:own",
    "invoice:read:own",
    "commission:read:own",
  ],
  SALES,
  MANAGER: [...SALES, "objective:manage", "user:manage:partner"],
  ADMIN: [
    ...SALES,
    "objective:manage",
    "user:manage",
    "partner:manage",
    "reference:manage",
    "outbox:view",
    "apikey:manage",
    "user:manage:partner",
    "security-log:view",
    "commission:manage",
  ],
};

export const ROLE_LABELS: Record<Role, string> = {
  PARTNER: "Partenaire",
  SALES: "Commercial",
  MANAGER: "Manager",
  ADMIN: "Administrateur",
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
