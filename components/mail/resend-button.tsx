"use client";

import { RequeueButton } from "@/components/mail/requeue-button";
import { resendOutboxEmailAction } from "@/lib/mail/actions";

export function ResendButton({ id }: { id: string }) {
  return <RequeueButton label="Renvoyer" action={() => resendOutboxEmailAction({ id })} />;
}
