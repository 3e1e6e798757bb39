"use client";

// For inputs that show one text and submit another (a French date, a date and a time): the
// field's name, value and react-hook-form `ref` live on a hidden input. react-hook-form writes
// default values, reset() and setValue() straight into that element, so its value setter is
// watched to bring the visible text in step; and its focus() (used to focus the first field in
// error) moves to the visible input.
import { useCallback, useRef, type Ref, type RefObject } from "react";

export type FieldEvent = { target: HTMLInputElement; type: string };

const valueDescriptor = Object.getOwnPropertyDescriptor(globalThis.HTMLInputElement?.prototype ?? {}, "value");

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

export function useHiddenFormValue({
  ref,
  visibleRef,
  onExternalValue,
  onChange,
}: {
  ref: Ref<HTMLInputElement> | undefined;
  visibleRef: RefObject<HTMLInputElement | null>;
  // Stable (a state setter or a function of one): called with every value written from outside.
  onExternalValue: (value: string) => void;
  onChange?: (event: FieldEvent) => unknown;
}) {
  const hiddenRef = useRef<HTMLInputElement | null>(null);
  const writingRef = useRef(false);

  const attachHidden = useCallback(
    (el: HTMLInputElement | null) => {
      hiddenRef.current = el;
      if (el && valueDescriptor?.get && valueDescriptor.set && !Object.prototype.hasOwnProperty.call(el, "value")) {
        const { get, set } = valueDescriptor;
        Object.defineProperty(el, "value", {
          configurable: true,
          get() {
            return get.call(this);
          },
          set(v: string) {
            set.call(this, v);
            if (!writingRef.current) onExternalValue(String(v ?? ""));
          },
        });
        el.focus = () => visibleRef.current?.focus();
        const current = get.call(el) as string;
        if (current) onExternalValue(current);
      }
      assignRef(ref, el);
    },
    [ref, visibleRef, onExternalValue],
  );

  // Writes the form value (not echoed back to the visible text) and tells the form it changed.
  const write = (value: string) => {
    const hidden = hiddenRef.current;
    if (!hidden) return;
    writingRef.current = true;
    hidden.value = value;
    writingRef.current = false;
    onChange?.({ target: hidden, type: "change" });
  };

  return { hiddenRef, attachHidden, write };
}
