import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLE_LABELS, ROLE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { Role } from "@/lib/generated/prisma/enums";

const ROLES = Object.values(Role);
const INTERNAL_ONLY: Permission[] = [
  "prospect:read:any",
  "prospect:update:any",
  "prospect:internal:read",
  "action:manage:any",
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
  "commission:manage",
];

describe("permissions table", () => {
  it("covers every role, with a French label", () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    expect(ROLE_LABELS).toEqual({ PARTNER: "Partenaire", SALES: "Commercial", MANAGER: "Manager", ADMIN: "Administrateur" });
  });

  it("only grants known permissions, each once", () => {
    for (const role of ROLES) {
      const granted = ROLE_PERMISSIONS[role];
      for (const permission of granted) expect(PERMISSIONS).toContain(permission);
      expect(new Set(granted).size).toBe(granted.length);
    }
  });

  it("lets every role see the dashboard and create prospects", () => {
    for (const role of ROLES) {
      expect(can(role, "dashboard:view")).toBe(true);
      expect(can(role, "prospect:create")).toBe(true);
    }
  });

  it("keeps partners to their own organisation's records and away from internal data", () => {
    for (const permission of INTERNAL_ONLY) expect(can("PARTNER", permission), permission).toBe(false);
    expect(ROLE_PERMISSIONS.PARTNER).toEqual([
      "dashboard:view",
      "prospect:read:own",
      "prospect:create",
      "prospect:update:own",
      "action:manage:own",
      "invoice:read:own",
      "commission:read:own",
    ]);
  });

  it("gives the internal team every prospect, alerts, opportunities and quotes", () => {
    for (const role of ["SALES", "MANAGER", "ADMIN"] as const) {
      for (const permission of [
        "prospect:read:any",
        "prospect:update:any",
        "prospect:internal:read",
        "action:manage:any",
        "invoice:read:any",
        "alert:triage",
        "opportunity:manage",
        "quote:manage",
        "report:view",
        "campaign:manage",
      ] as const) {
        expect(can(role, permission), `${role} ${permission}`).toBe(true);
      }
      // The "own" variants are the partner's narrower scope, not needed by the internal team.
      expect(can(role, "prospect:read:own")).toBe(false);
    }
  });

  it("reserves objectives to managers and administrators", () => {
    expect(can("SALES", "objective:manage")).toBe(false);
    expect(can("MANAGER", "objective:manage")).toBe(true);
    expect(can("ADMIN", "objective:manage")).toBe(true);
  });

  it("reserves administration to administrators", () => {
    for (const permission of ["user:manage", "partner:manage", "reference:manage", "outbox:view", "apikey:manage"] as const) {
      expect(can("ADMIN", permission)).toBe(true);
      expect(can("MANAGER", permission)).toBe(false);
      expect(can("SALES", permission)).toBe(false);
      expect(can("PARTNER", permission)).toBe(false);
    }
  });

  it("makes each role a superset of the one below it inside the company", () => {
    for (const permission of ROLE_PERMISSIONS.SALES) expect(can("MANAGER", permission)).toBe(true);
    for (const permission of ROLE_PERMISSIONS.MANAGER) expect(can("ADMIN", permission)).toBe(true);
  });
});
