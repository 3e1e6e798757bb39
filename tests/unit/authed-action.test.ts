import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const { authedAction, INVALID_INPUT_MESSAGE, SESSION_EXPIRED_MESSAGE, UNEXPECTED_ERROR_MESSAGE } = await import(
  "@/lib/auth/action"
);

const SALES: Actor = { id: "u1", email: "sales@exemple.test", name: "Sam Commercial", role: "SALES", partnerId: null };
const PARTNER: Actor = { id: "u2", email: "p@exemple.test", name: "Paul Partenaire", role: "PARTNER", partnerId: "p1" };

const schema = z.object({
  name: z.string().trim().min(1, "Le nom est obligatoire."),
  contacts: z.array(z.object({ email: z.email("Adresse e-mail invalide.") })).default([]),
});

describe("authedAction", () => {
  beforeEach(() => {
    session.actor = SALES;
  });

  it("passes the parsed input and the actor to the handler", async () => {
    const handler = vi.fn(async (input: z.output<typeof schema>, actor: Actor) => `${input.name} par ${actor.name}`);
    const action = authedAction(schema, handler);
    await expect(action({ name: "  Dupont SA  " })).resolves.toEqual({ ok: true, data: "Dupont SA par Sam Commercial" });
    expect(handler).toHaveBeenCalledWith({ name: "Dupont SA", contacts: [] }, SALES);
  });

  it("refuses an anonymous or deactivated user before running anything", async () => {
    session.actor = null;
    const handler = vi.fn(async () => "done");
    await expect(authedAction(schema, handler)({ name: "X" })).resolves.toEqual({
      ok: false,
      error: SESSION_EXPIRED_MESSAGE,
      fieldErrors: {},
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("checks the optional permission", async () => {
    session.actor = PARTNER;
    const handler = vi.fn(async () => "done");
    const result = await authedAction(schema, handler, { permission: "user:manage" })({ name: "X" });
    expect(result).toMatchObject({ ok: false, error: "Vous n'avez pas les droits nécessaires pour cette opération." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("returns French field errors under react-hook-form's dotted names", async () => {
    const handler = vi.fn(async () => "done");
    const result = await authedAction(schema, handler)({ name: " ", contacts: [{ email: "ok@exemple.test" }, { email: "pas-un-email" }] });
    expect(result).toEqual({
      ok: false,
      error: INVALID_INPUT_MESSAGE,
      fieldErrors: { name: ["Le nom est obligatoire."], "contacts.1.email": ["Adresse e-mail invalide."] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("words zod's own messages in French when a schema does not", async () => {
    const result = await authedAction(z.object({ count: z.number() }), async () => 1)({ count: "trois" } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors.count?.[0]).toMatch(/nombre/);
  });

  it.each([
    ["NOT_FOUND", "Élément introuvable : il a peut-être été supprimé."],
    ["FORBIDDEN", "Vous n'avez pas les droits nécessaires pour cette opération."],
    ["CONFLICT", "Ces données ont été modifiées ou existent déjà. Rechargez la page et réessayez."],
  ] as const)("maps AppError %s to its message", async (code, message) => {
    const result = await authedAction(schema, async () => {
      throw new AppError(code);
    })({ name: "X" });
    expect(result).toEqual({ ok: false, error: message, fieldErrors: {} });
  });

  it("keeps an AppError's own message and field errors", async () => {
    const result = await authedAction(schema, async () => {
      throw new AppError("CONFLICT", "Ce SIREN est déjà enregistré.", { siren: ["Déjà enregistré par un autre partenaire."] });
    })({ name: "X" });
    expect(result).toEqual({
      ok: false,
      error: "Ce SIREN est déjà enregistré.",
      fieldErrors: { siren: ["Déjà enregistré par un autre partenaire."] },
    });
  });

  it("maps Prisma's unique violation to a conflict and a missing record to not found", async () => {
    const prismaError = (code: string) =>
      new Prisma.PrismaClientKnownRequestError("db error", { code, clientVersion: Prisma.prismaVersion.client });
    const unique = await authedAction(schema, async () => {
      throw prismaError("P2002");
    })({ name: "X" });
    expect(unique).toMatchObject({ ok: false, error: expect.stringMatching(/existent déjà/) });
    const missing = await authedAction(schema, async () => {
      throw prismaError("P2025");
    })({ name: "X" });
    expect(missing).toMatchObject({ ok: false, error: expect.stringMatching(/introuvable/) });
  });

  it("hides unexpected errors behind a generic message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await authedAction(schema, async () => {
      throw new Error("connection reset: secret details");
    })({ name: "X" });
    expect(result).toEqual({ ok: false, error: UNEXPECTED_ERROR_MESSAGE, fieldErrors: {} });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("lets redirect() and notFound() through", async () => {
    const { notFound } = await import("next/navigation");
    await expect(
      authedAction(schema, async () => {
        notFound();
      })({ name: "X" }),
    ).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});
