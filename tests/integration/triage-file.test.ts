// The triage side panel's data: the client's submitted documents (not the team's own files),
// scoped like every prospect read, and only through the triage permission.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { APP_ERROR_MESSAGES } from "@/lib/errors";
import { findTriageFile } from "@/lib/onboarding/triage-file";
import { createOnboardingTeam, createProspectWithFavorite, type OnboardingTeam } from "@/tests/support/onboarding";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const { loadTriageFileAction } = await import("@/lib/onboarding/triage-file-actions");

const db = getTestDb();
let team: OnboardingTeam;

beforeEach(async () => {
  await resetDatabase();
  team = await createOnboardingTeam(db);
  session.actor = null;
});

async function fileWithDocuments() {
  const { prospect, contact } = await createProspectWithFavorite(db, team, { status: "READY_TO_START", readyAt: new Date() });
  const usedAt = new Date("2026-11-20T10:00:00Z");
  const link = await db.onboardingLink.create({
    data: {
      prospectId: prospect.id,
      contactId: contact.id,
      tokenHash: "a".repeat(64),
      sentToEmail: "client@exemple.test",
      expiresAt: new Date(Date.now() + 86_400_000),
      usedAt,
    },
  });
  const attachment = (name: string, onboardingLinkId: string | null, category: "ID_DOCUMENT" | "GENERAL") =>
    db.attachment.create({
      data: {
        prospectId: prospect.id,
        onboardingLinkId,
        category,
        fileName: name,
        mimeType: "application/pdf",
        sizeBytes: 10,
        sha256: "b".repeat(64),
        storageKey: `attachments/${name}`,
      },
    });
  await attachment("cni.pdf", link.id, "ID_DOCUMENT");
  await attachment("note-interne.pdf", null, "GENERAL");
  return { prospect, usedAt };
}

describe("findTriageFile", () => {
  it("returns the file's identity and only the documents the client sent, with their French category", async () => {
    const { prospect, usedAt } = await fileWithDocuments();
    const file = await findTriageFile(team.actors.sales, prospect.id, db);
    expect(file.id).toBe(prospect.id);
    expect(file.submittedAt).toEqual(usedAt);
    expect(file.documents.map((d) => [d.fileName, d.category])).toEqual([["cni.pdf", "Pièce d'identité"]]);
  });

  it("answers not found for a file outside the actor's scope", async () => {
    const { prospect } = await fileWithDocuments();
    await expect(findTriageFile(team.actors.otherPartner, prospect.id, db)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("loadTriageFileAction", () => {
  it("is refused to a partner and served to the sales team", async () => {
    const { prospect } = await fileWithDocuments();
    session.actor = team.actors.partner;
    expect(await loadTriageFileAction({ prospectId: prospect.id })).toMatchObject({ ok: false, error: APP_ERROR_MESSAGES.FORBIDDEN });
    session.actor = team.actors.sales;
    const result = await loadTriageFileAction({ prospectId: prospect.id });
    expect(result.ok && result.data.documents).toHaveLength(1);
  });
});
