// Where a client's onboarding link stands, as the sales team's inbox shows it. Pure, so the
// inbox, the link lookup and the tests agree on one rule.
export type OnboardingState = "sent" | "opened" | "completed" | "expired";

export type OnboardingLinkTimes = {
  expiresAt: Date;
  openedAt: Date | null;
  usedAt: Date | null;
  revokedAt: Date | null;
};

// A used link is completed even after its expiry date; a revoked (replaced) one counts as expired.
export function onboardingState(link: OnboardingLinkTimes, now: Date = new Date()): OnboardingState {
  if (link.usedAt) return "completed";
  if (link.revokedAt || link.expiresAt.getTime() <= now.getTime()) return "expired";
  return link.openedAt ? "opened" : "sent";
}

// Whether the link still lets the client in: neither used, revoked nor expired.
export function isLinkUsable(link: OnboardingLinkTimes, now: Date = new Date()): boolean {
  const state = onboardingState(link, now);
  return state === "sent" || state === "opened";
}
