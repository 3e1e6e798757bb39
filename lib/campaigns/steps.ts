// Which of the five steps a campaign can show, which are done, and which one opens by default.
// Pure: the page and its unit test share it.
import type { CampaignStepNumber } from "@/lib/campaigns/labels";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";

export type StepFacts = { storedStatus: CampaignStatus; filterSaved: boolean; hasActionType: boolean };

export type StepStates = Record<CampaignStepNumber, { available: boolean; complete: boolean }>;

export function campaignStepStates(facts: StepFacts): StepStates {
  const draft = facts.storedStatus === "DRAFT";
  return {
    1: { available: true, complete: true },
    2: { available: true, complete: facts.filterSaved },
    3: { available: true, complete: facts.hasActionType },
    4: { available: !draft || (facts.filterSaved && facts.hasActionType), complete: !draft },
    5: { available: !draft, complete: facts.storedStatus === "SENDING" || facts.storedStatus === "SENT" },
  };
}

export function defaultCampaignStep(facts: StepFacts): CampaignStepNumber {
  if (facts.storedStatus !== "DRAFT") return 5;
  if (!facts.filterSaved) return 2;
  if (!facts.hasActionType) return 3;
  return 4;
}

// `?etape=` from the URL: a step that cannot be shown yet (or garbage) opens the default one.
export function resolveCampaignStep(requested: unknown, facts: StepFacts): CampaignStepNumber {
  const value = Array.isArray(requested) ? requested[0] : requested;
  const n = typeof value === "string" && /^[1-5]$/.test(value) ? (Number(value) as CampaignStepNumber) : null;
  if (n && campaignStepStates(facts)[n].available) return n;
  return defaultCampaignStep(facts);
}
