"use client";

// The password policy's verdict under the field while the user types (the server decides again).
// The dictionaries are loaded on first use, so other pages do not carry them.
import { useEffect, useState } from "react";
import type { PasswordCheck } from "@/lib/accounts/password-policy";
import { cn } from "@/lib/cn";

const SCORE_LABELS = ["Très faible", "Faible", "Moyen", "Solide", "Très solide"];

export function PasswordFeedback({ password, userInputs }: { password: string; userInputs: string[] }) {
  const [check, setCheck] = useState<PasswordCheck | null>(null);
  const inputsKey = userInputs.join("\u0000");

  useEffect(() => {
    let cancelled = false;
    if (!password) {
      const timer = setTimeout(() => setCheck(null), 0);
      return () => clearTimeout(timer);
    }
    const timer = setTimeout(async () => {
      const { checkPassword } = await import("@/lib/accounts/password-policy");
      if (!cancelled) setCheck(checkPassword(password, inputsKey ? inputsKey.split("\u0000") : []));
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [password, inputsKey]);

  if (!check) return <p className="text-xs text-slate-500">Au moins 12 caractères. Une phrase de quelques mots sans rapport entre eux est idéale.</p>;
  return (
    <div aria-live="polite" className="flex flex-col gap-1 text-sm">
      <p className={cn("font-medium", check.ok ? "text-emerald-700" : "text-amber-800")}>
        Robustesse : {SCORE_LABELS[check.score] ?? "Très faible"}
        {check.ok ? " — ce mot de passe convient." : ""}
      </p>
      {check.messages.length > 0 ? (
        <ul className="list-disc pl-5 text-slate-700">
          {check.messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
