"use client";

// A button opening a menu of actions (arrows, Home/End, Escape). The menu is rendered in a
// portal with fixed coordinates taken from its button, so no scrolling column or table box can
// clip it; it opens above the button when there is no room below.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import Link from "next/link";
import { cn } from "@/lib/cn";

export type MenuItem = { key: string; label: string; onSelect?: () => void; href?: string; disabled?: boolean };

type Position = { top: number; left: number };

const GAP = 4;
const MARGIN = 8;

export function MenuButton({
  buttonLabel,
  buttonContent,
  menuLabel,
  items,
  buttonClassName,
  disabled,
  buttonRef: externalRef,
}: {
  // Accessible name of the button (e.g. « Autres actions pour … »).
  buttonLabel: string;
  buttonContent: ReactNode;
  menuLabel: string;
  items: MenuItem[];
  buttonClassName?: string;
  disabled?: boolean;
  buttonRef?: React.RefObject<HTMLButtonElement | null>;
}) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<Position | null>(null);
  const ownRef = useRef<HTMLButtonElement>(null);
  const buttonRef = externalRef ?? ownRef;
  const menuRef = useRef<HTMLUListElement>(null);
  const itemRefs = useRef<(HTMLElement | null)[]>([]);
  const menuId = useId();

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const button = buttonRef.current;
      const menu = menuRef.current;
      if (!button || !menu) return;
      const rect = button.getBoundingClientRect();
      const width = menu.offsetWidth;
      const height = menu.offsetHeight;
      const below = rect.bottom + GAP + height <= window.innerHeight - MARGIN;
      const top = below ? rect.bottom + GAP : Math.max(MARGIN, rect.top - GAP - height);
      const left = Math.min(Math.max(MARGIN, rect.right - width), window.innerWidth - MARGIN - width);
      setPosition({ top, left });
    };
    place();
    window.addEventListener("resize", place);
    window.addEventListener("scroll", place, true);
    return () => {
      window.removeEventListener("resize", place);
      window.removeEventListener("scroll", place, true);
    };
  }, [open, buttonRef]);

  useEffect(() => {
    if (!open) return;
    itemRefs.current.find((item) => item)?.focus({ preventScroll: true });
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, buttonRef]);

  const close = () => {
    setOpen(false);
    setPosition(null);
    buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const enabled = itemRefs.current.filter((item): item is HTMLElement => item !== null);
    const index = enabled.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => enabled[(i + enabled.length) % enabled.length]?.focus();
    if (event.key === "ArrowDown") focus(index + 1);
    else if (event.key === "ArrowUp") focus(index - 1);
    else if (event.key === "Home") focus(0);
    else if (event.key === "End") focus(enabled.length - 1);
    else if (event.key === "Escape") close();
    else if (event.key === "Tab") setOpen(false);
    else return;
    if (event.key !== "Tab") event.preventDefault();
  };

  const itemClasses =
    "block w-full px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-brand-50 focus:outline-none aria-disabled:text-slate-400";

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-label={buttonLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => (open ? setOpen(false) : setOpen(true))}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {buttonContent}
      </button>
      {open
        ? createPortal(
            <ul
              ref={menuRef}
              id={menuId}
              role="menu"
              aria-label={menuLabel}
              onKeyDown={onMenuKeyDown}
              // Off-screen (not hidden) until measured, so the first item can take the focus at once.
              style={position ? { top: position.top, left: position.left } : { top: -9999, left: -9999 }}
              className="fixed z-50 w-60 max-w-[calc(100vw-1rem)] rounded-md border border-slate-200 bg-white py-1 shadow-lg"
            >
              {items.map((item, i) => (
                <li key={item.key} role="none">
                  {item.href ? (
                    <Link
                      ref={(el) => {
                        itemRefs.current[i] = el;
                      }}
                      href={item.href}
                      role="menuitem"
                      tabIndex={-1}
                      className={itemClasses}
                      onClick={() => setOpen(false)}
                    >
                      {item.label}
                    </Link>
                  ) : (
                    <button
                      ref={(el) => {
                        itemRefs.current[i] = item.disabled ? null : el;
                      }}
                      type="button"
                      role="menuitem"
                      tabIndex={-1}
                      aria-disabled={item.disabled || undefined}
                      className={cn(itemClasses)}
                      onClick={() => {
                        if (item.disabled) return;
                        setOpen(false);
                        item.onSelect?.();
                      }}
                    >
                      {item.label}
                    </button>
                  )}
                </li>
              ))}
            </ul>,
            document.body,
          )
        : null}
    </>
  );
}
