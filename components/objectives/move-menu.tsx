"use client";

// The keyboard way to move a card: « Déplacer « titre » » opens a menu of the other columns
// (arrows, Home/End, Escape), the same move as drag and drop. The menu floats above the board,
// so a narrow or scrolling column never clips it.
import { useEffect, useRef } from "react";
import { buttonClasses } from "@/components/ui/button";
import { MenuButton } from "@/components/ui/menu-button";

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
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Also once the move is over: a disabled button cannot hold the focus meanwhile.
  useEffect(() => {
    if (autoFocus && !disabled) buttonRef.current?.focus();
  }, [autoFocus, disabled]);

  if (targets.length === 0) return null;
  return (
    <MenuButton
      buttonRef={buttonRef}
      buttonLabel={`Déplacer « ${title} »`}
      buttonContent="Déplacer"
      buttonClassName={buttonClasses("ghost", "sm", "relative z-[1] h-7 px-2 text-xs")}
      menuLabel={`Déplacer « ${title} » vers une autre colonne`}
      disabled={disabled}
      items={targets.map((target) => ({ key: target.id, label: `Déplacer vers ${target.label}`, onSelect: () => onChoose(target.id) }))}
    />
  );
}
