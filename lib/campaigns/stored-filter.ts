// What Campaign.filter holds: the criteria that chose the recipients and, once the actions are
// created, the files left out with their reason (a record of that moment, shown at step 4).
import { z } from "zod";
import { campaignCriteriaSchema, EMPTY_CRITERIA, type CampaignCriteria } from "@/lib/campaigns/schemas";
import { SKIP_REASONS, type SkipReason } from "@/lib/campaigns/labels";

export type SkippedFile = { prospectId: string; name: string; reason: SkipReason };

export type StoredCampaignFilter = {
  criteria: CampaignCriteria;
  // Set once the criteria were saved at step 2.
  savedAt: string | null;
  skipped: SkippedFile[];
};

const skippedSchema = z.object({ prospectId: z.string(), name: z.string(), reason: z.enum(SKIP_REASONS) });

const storedSchema = z.object({
  criteria: campaignCriteriaSchema.catch(EMPTY_CRITERIA),
  savedAt: z.string().nullable().catch(null),
  skipped: z.array(skippedSchema).catch([]),
});

// A hand-edited or older row degrades to "no criteria yet" instead of breaking the page.
export function readStoredFilter(value: unknown): StoredCampaignFilter {
  const parsed = storedSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { criteria: EMPTY_CRITERIA, savedAt: null, skipped: [] };
}

export function storedFilterJson(filter: StoredCampaignFilter): { criteria: CampaignCriteria; savedAt: string | null; skipped: SkippedFile[] } {
  return { criteria: filter.criteria, savedAt: filter.savedAt, skipped: filter.skipped };
}
