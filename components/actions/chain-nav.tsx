import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { LinkPending } from "@/components/ui/link-pending";
import { formatChainPosition, type ChainPosition } from "@/lib/actions/chain";

// « « » and « » »: the previous and next actions of the chain, disabled at its ends, with the
// position in between (« 2 / 4 »).
export function ChainNav({ chain }: { chain: ChainPosition }) {
  const step = (id: string | null, text: string, label: string) =>
    id ? (
      <Link href={`/actions/${id}`} aria-label={label} title={label} className={buttonClasses("secondary", "sm")}>
        {text}
        <LinkPending />
      </Link>
    ) : (
      <span aria-disabled="true" role="link" aria-label={label} title={label} className={buttonClasses("secondary", "sm")}>
        {text}
      </span>
    );
  return (
    <nav aria-label="Enchaînement d'actions" className="flex items-center gap-2">
      {step(chain.previousId, "«", "Action précédente")}
      <span className="text-sm tabular-nums text-slate-700">
        <span className="sr-only">Action </span>
        {formatChainPosition(chain)}
        <span className="sr-only"> de l&apos;enchaînement</span>
      </span>
      {step(chain.nextId, "»", "Action suivante")}
    </nav>
  );
}
