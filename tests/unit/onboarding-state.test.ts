import { describe, expect, it } from "vitest";
import { isLinkUsable, onboardingState } from "@/lib/onboarding/state";

const now = new Date("2026-11-22T12:00:00Z");
const later = new Date("2026-11-29T12:00:00Z");
const earlier = new Date("2026-11-20T12:00:00Z");
const base = { expiresAt: later, openedAt: null, usedAt: null, revokedAt: null };

describe("onboardingState", () => {
  it("is « sent » until the client opens the link", () => {
    expect(onboardingState(base, now)).toBe("sent");
    expect(isLinkUsable(base, now)).toBe(true);
  });

  it("is « opened » once the client has followed it", () => {
    const link = { ...base, openedAt: earlier };
    expect(onboardingState(link, now)).toBe("opened");
    expect(isLinkUsable(link, now)).toBe(true);
  });

  it("is « completed » once used, even past its expiry", () => {
    const link = { ...base, openedAt: earlier, usedAt: earlier, expiresAt: earlier };
    expect(onboardingState(link, now)).toBe("completed");
    expect(isLinkUsable(link, now)).toBe(false);
  });

  it("is « expired » at its expiry time exactly, and after", () => {
    expect(onboardingState({ ...base, expiresAt: now }, now)).toBe("expired");
    expect(onboardingState({ ...base, openedAt: earlier, expiresAt: earlier }, now)).toBe("expired");
    expect(isLinkUsable({ ...base, expiresAt: now }, now)).toBe(false);
  });

  it("counts a revoked (replaced) link as expired", () => {
    const link = { ...base, openedAt: earlier, revokedAt: earlier };
    expect(onboardingState(link, now)).toBe("expired");
    expect(isLinkUsable(link, now)).toBe(false);
  });
});
