import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { openOnboardingLink } from "@/lib/onboarding/http";

export const dynamic = "force-dynamic";

// The link from the client's e-mail: public, no account (the proxy leaves /onboarding alone).
export async function GET(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return openOnboardingLink(db, token);
}
