import { notFound } from "next/navigation";
import { UnsubscribeConfirmation } from "@/components/campaigns/unsubscribe-confirmation";
import { findUnsubscribeTarget } from "@/lib/campaigns/unsubscribe-contact";
import { db } from "@/lib/db";

// Opening the link changes nothing (mail scanners open links too): the recipient confirms with
// a POST. A link whose signature does not check out is a plain 404.
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const target = await findUnsubscribeTarget(db, token);
  if (!target) notFound();
  const resubscribed = (await searchParams).reabonne === "1";
  return (
    <UnsubscribeConfirmation
      token={token}
      email={target.email}
      done={target.unsubscribedAt !== null}
      resubscribed={resubscribed && target.unsubscribedAt === null}
    />
  );
}
