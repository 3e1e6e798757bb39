"use client";

// The keyboard way to move a card: « Déplacer « titre » » opens a menu of the other columns
// (arrows, Home/End, Escape), the same move as drag and drop.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { buttonClasses } from "@/components/ui/button";

export type MoveTarget = { id: string; label: string };

export function MoveMenu({
  title,
  targets,
  onChoose,
  disabled,
  autoFocus,
}: {
  title: string;
  targets: MoveTarget[];
  onChoose: (stageId: string) => void;
  disabled?: boolean;
  // Set on the card just moved, so keyboard users keep their place after the move.
  autoFocus?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  // Also once the move is over: a disabled button cannot hold the focus meanwhile.
  useEffect(() => {
    if (autoFocus && !disabled) buttonRef.current?.focus();
  }, [autoFocus, disabled]);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = itemRefs.current.filter((item): item is HTMLButtonElement => item !== null);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === "ArrowDown") focus(index + 1);
    else if (event.key === "ArrowUp") focus(index - 1);
    else if (event.key === "Home") focus(0);
    else if (event.key === "End") focus(items.length - 1);
    else if (event.key === "Escape") close();
    else if (event.key === "Tab") setOpen(false);
    else return;
    if (event.key !== "Tab") event.preventDefault();
  };

  if (targets.length === 0) return null;
  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        className={buttonClasses("ghost", "sm", "h-7 px-2 text-xs")}
        aria-label={`Déplacer « ${title} »`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        Déplacer
      </button>
      {open ? (
        <ul
          id={menuId}
          role="menu"
          aria-label={`Déplacer « ${title} » vers une autre colonne`}
          onKeyDown={onMenuKeyDown}
          className="absolute right-0 z-20 mt-1 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {targets.map((target, i) => (
            <li key={target.id} role="none">
              <button
                ref={(el) => {
                  itemRefs.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="block w-full px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-brand-50 focus:outline-none"
                onClick={() => {
                  setOpen(false);
                  onChoose(target.id);
                }}
              >
                Déplacer vers {target.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
