import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { OnboardingForm } from "@/components/onboarding/onboarding-form";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { formatDateTime, formatSiren } from "@/lib/format";
import { onboardingCookieSpec, readOnboardingSession } from "@/lib/onboarding/http";
import { findUsableLink } from "@/lib/onboarding/links";
import { formatPhoneForDisplay } from "@/lib/validation/phone";

// Reached only through /onboarding/<token>, which left a short-lived cookie naming the link.
// No cookie, a stale one, or a link that has since been used, replaced or has expired: the
// neutral 404 (app/onboarding/not-found.tsx).
export default async function OnboardingPage() {
  const { name } = onboardingCookieSpec();
  const linkId = readOnboardingSession((await cookies()).get(name)?.value);
  if (!linkId) notFound();
  const link = await findUsableLink(db, linkId);
  if (!link) notFound();

  const { prospect, contact } = link;
  const phone = contact?.mobilePhone ?? contact?.landlinePhone ?? "";
  return (
    <OnboardingForm
      companyName={prospect.name}
      siren={prospect.siren ? formatSiren(prospect.siren) : null}
      maxBytes={getEnv().UPLOAD_MAX_BYTES}
      expiresAtLabel={formatDateTime(link.expiresAt)}
      initial={{
        legalName: prospect.legalName ?? prospect.name,
        street: prospect.street ?? "",
        postalCode: prospect.postalCode ?? "",
        city: prospect.city ?? "",
        representativeFirstName: contact?.firstName ?? "",
        representativeLastName: contact?.lastName ?? "",
        email: contact?.email ?? link.sentToEmail,
        phone: phone ? formatPhoneForDisplay(phone) : "",
      }}
    />
  );
}
