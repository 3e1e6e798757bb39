"use client";

// A triage row's actions, compact: the one next step as a button, the rest behind « ⋯ ».
// Steps that need a choice or a confirmation (assign to someone else, resend the link) open
// the file's side panel on that control.
import { use, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { assignProspectAction, moveProspectStageAction } from "@/lib/onboarding/actions";
import type { TriageRow } from "@/lib/onboarding/triage-queries";
import { TriageContext } from "@/components/onboarding/triage-row-actions";
import { Button, buttonClasses } from "@/components/ui/button";
import { MenuButton, type MenuItem } from "@/components/ui/menu-button";
import { cn } from "@/lib/cn";

type Step = { label: string; run: () => Promise<ActionResult<unknown>>; done: string };

export function TriageQuickActions({ row }: { row: TriageRow }) {
  const { actorId, openPanel } = use(TriageContext);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<{ tone: "ok" | "error"; message: string } | null>(null);

  const isMine = row.owner?.id === actorId;
  const hasLink = row.onboarding !== "none";
  const take: Step = {
    label: "M'attribuer",
    run: () => assignProspectAction({ prospectId: row.id, ownerId: actorId }),
    done: "Dossier attribué à vous.",
  };
  const moveOn: Step | null =
    row.stage === "PROSPECT"
      ? { label: "Passer en inscription", run: () => moveProspectStageAction({ prospectId: row.id, stage: "ONBOARDING" }), done: "Dossier passé en inscription." }
      : row.stage === "ONBOARDING"
        ? { label: "Passer en client", run: () => moveProspectStageAction({ prospectId: row.id, stage: "CLIENT" }), done: "Dossier passé en client." }
        : null;
  const primary = !isMine ? take : moveOn;

  const run = (step: Step) => {
    setFeedback(null);
    startTransition(async () => {
      let result: ActionResult<unknown>;
      try {
        result = await step.run();
      } catch {
        setFeedback({ tone: "error", message: "L'action n'a pas abouti. Vérifiez votre connexion et réessayez." });
        return;
      }
      if (result.ok) {
        setFeedback({ tone: "ok", message: step.done });
        router.refresh();
      } else {
        setFeedback({ tone: "error", message: result.error });
      }
    });
  };

  const items: MenuItem[] = [
    { key: "details", label: "Voir le dossier ici", onSelect: () => openPanel?.(row.id, "view") },
    { key: "assign", label: "Attribuer à un commercial…", onSelect: () => openPanel?.(row.id, "assign") },
    { key: "resend", label: hasLink ? "Renvoyer le lien…" : "Envoyer le lien…", onSelect: () => openPanel?.(row.id, "resend") },
    ...(moveOn && primary !== moveOn ? [{ key: "move", label: moveOn.label, onSelect: () => run(moveOn) }] : []),
    { key: "open", label: "Ouvrir la fiche", href: `/prospects/${row.id}` },
  ];

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-1">
        {primary ? (
          <Button size="sm" disabled={pending} aria-busy={pending} onClick={() => run(primary)} aria-label={`${primary.label} : ${row.name}`}>
            {primary.label}
          </Button>
        ) : null}
        <MenuButton
          buttonLabel={`Autres actions pour ${row.name}`}
          buttonContent={<span aria-hidden="true">⋯</span>}
          buttonClassName={cn(buttonClasses("secondary", "sm"), "w-8 px-0 text-base")}
          menuLabel={`Actions pour ${row.name}`}
          items={items}
          disabled={pending}
        />
      </div>
      <p role="status" aria-live="polite" className={cn("max-w-48 truncate text-xs", feedback?.tone === "error" ? "text-red-700" : "text-emerald-700")}>
        {pending ? "Enregistrement…" : (feedback?.message ?? "")}
      </p>
    </div>
  );
}
