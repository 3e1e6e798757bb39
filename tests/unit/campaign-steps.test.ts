// The stepper and the progress figures: which step opens, which can be reached, and how a
// campaign's actions add up to « En attente », « Envoyés », « Échecs ».
import { describe, expect, it } from "vitest";
import { addToProgress, campaignActionState, EMPTY_PROGRESS, effectiveCampaignStatus } from "@/lib/campaigns/progress";
import { campaignStepStates, resolveCampaignStep, type StepFacts } from "@/lib/campaigns/steps";

const draft: StepFacts = { storedStatus: "DRAFT", filterSaved: false, hasActionType: false };

describe("campaign steps", () => {
  it("opens the next step to do, and never one that cannot be shown yet", () => {
    expect(resolveCampaignStep(undefined, draft)).toBe(2);
    expect(resolveCampaignStep("1", draft)).toBe(1);
    expect(resolveCampaignStep("4", draft)).toBe(2);
    expect(resolveCampaignStep("5", draft)).toBe(2);
    expect(resolveCampaignStep(undefined, { ...draft, filterSaved: true })).toBe(3);
    expect(resolveCampaignStep(["4", "1"], { ...draft, filterSaved: true, hasActionType: true })).toBe(4);
    expect(resolveCampaignStep("9", { ...draft, filterSaved: true, hasActionType: true })).toBe(4);
    const generated: StepFacts = { storedStatus: "GENERATED", filterSaved: true, hasActionType: true };
    expect(resolveCampaignStep(undefined, generated)).toBe(5);
    expect(resolveCampaignStep("4", generated)).toBe(4);
    expect(campaignStepStates(generated)[4]).toEqual({ available: true, complete: true });
    expect(campaignStepStates(generated)[5]).toEqual({ available: true, complete: false });
  });

  it("reads an action's state from its outbox rows", () => {
    expect(campaignActionState({ done: false, outboxStatuses: [] })).toBe("PENDING");
    expect(campaignActionState({ done: false, outboxStatuses: ["PENDING"] })).toBe("QUEUED");
    expect(campaignActionState({ done: false, outboxStatuses: ["SENDING"] })).toBe("QUEUED");
    expect(campaignActionState({ done: false, outboxStatuses: ["FAILED"] })).toBe("FAILED");
    expect(campaignActionState({ done: true, outboxStatuses: ["SENT"] })).toBe("SENT");
    expect(campaignActionState({ done: true, outboxStatuses: [] })).toBe("DONE");
  });

  it("adds up progress and shows a campaign as sent once nothing waits", () => {
    let progress = addToProgress(EMPTY_PROGRESS, "SENT", 3);
    progress = addToProgress(progress, "QUEUED");
    expect(progress).toEqual({ total: 4, pending: 1, sent: 3, failed: 0, doneWithoutEmail: 0 });
    expect(effectiveCampaignStatus("SENDING", progress)).toBe("SENDING");
    const finished = addToProgress(addToProgress(EMPTY_PROGRESS, "SENT", 3), "FAILED");
    expect(effectiveCampaignStatus("SENDING", finished)).toBe("SENT");
    expect(finished.failed).toBe(1);
    expect(effectiveCampaignStatus("GENERATED", EMPTY_PROGRESS)).toBe("GENERATED");
  });
});
