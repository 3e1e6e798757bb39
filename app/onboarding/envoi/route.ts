import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { receiveOnboardingSubmission } from "@/lib/onboarding/http";

export const dynamic = "force-dynamic";

// The onboarding page's form: a route handler rather than a server action, because three
// documents of up to UPLOAD_MAX_BYTES each exceed a server action's body limit.
export async function POST(request: NextRequest) {
  return receiveOnboardingSubmission(db, request);
}
