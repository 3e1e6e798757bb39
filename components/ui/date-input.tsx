"use client";

// A date typed « jj/mm/aaaa » whatever the browser's locale (a native <input type="date"> shows
// mm/dd/yyyy in an English browser). The visible text input carries the label; a hidden input
// carries the field's name and its "YYYY-MM-DD" value, so `{...register("x")}` from
// react-hook-form and plain GET forms both keep exchanging ISO days.
import { useCallback, useRef, useState, type InputHTMLAttributes, type KeyboardEvent, type Ref } from "react";
import { controlClasses } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { formatFrenchDate, frenchDateToFormValue, maskFrenchDateInput, parseFrenchDate, shiftIsoDay } from "@/lib/forms/french-date";

type FieldEvent = { target: HTMLInputElement; type: string };

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "value" | "defaultValue" | "onChange" | "onBlur" | "ref"> & {
  id: string;
  name?: string;
  defaultValue?: string;
  onChange?: (event: FieldEvent) => unknown;
  onBlur?: (event: FieldEvent) => unknown;
  ref?: Ref<HTMLInputElement>;
};

const valueDescriptor = Object.getOwnPropertyDescriptor(globalThis.HTMLInputElement?.prototype ?? {}, "value");

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

export function DateInput({ id, name, defaultValue, onChange, onBlur, ref, className, onKeyDown, "aria-describedby": describedBy, ...rest }: DateInputProps) {
  const [text, setText] = useState(() => formatFrenchDate(defaultValue));
  const hiddenRef = useRef<HTMLInputElement | null>(null);
  const visibleRef = useRef<HTMLInputElement | null>(null);
  const writingRef = useRef(false);

  // react-hook-form writes default values, reset() and setValue() straight into the registered
  // element; watching the hidden input's value setter keeps the visible text in step, and its
  // focus() (used to focus the first field in error) moves to the visible input.
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
            if (!writingRef.current) setText(formatFrenchDate(String(v ?? "")));
          },
        });
        el.focus = () => visibleRef.current?.focus();
        const current = get.call(el) as string;
        if (current) setText(formatFrenchDate(current));
      }
      assignRef(ref, el);
    },
    [ref],
  );

  function commit(nextText: string) {
    setText(nextText);
    const hidden = hiddenRef.current;
    if (!hidden) return;
    writingRef.current = true;
    hidden.value = frenchDateToFormValue(nextText);
    writingRef.current = false;
    onChange?.({ target: hidden, type: "change" });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    onKeyDown?.(event);
    if (event.defaultPrevented || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    const day = parseFrenchDate(text);
    if (!day) return;
    event.preventDefault();
    commit(formatFrenchDate(shiftIsoDay(day, event.key === "ArrowUp" ? 1 : -1)));
  }

  const formatId = `${id}-format`;
  return (
    <>
      <input
        {...rest}
        id={id}
        ref={visibleRef}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="jj/mm/aaaa"
        maxLength={10}
        value={text}
        aria-describedby={[describedBy, formatId].filter(Boolean).join(" ")}
        className={cn(controlClasses, className)}
        onChange={(event) => commit(maskFrenchDateInput(text, event.target.value))}
        onKeyDown={handleKeyDown}
        onBlur={() => {
          // A complete day typed loosely (« 5-1-2026 ») is shown back in the canonical form.
          const day = parseFrenchDate(text);
          if (day && formatFrenchDate(day) !== text) commit(formatFrenchDate(day));
          if (hiddenRef.current) onBlur?.({ target: hiddenRef.current, type: "blur" });
        }}
      />
      <span id={formatId} className="sr-only">
        Format jj/mm/aaaa, flèches haut et bas pour changer de jour.
      </span>
      <input type="hidden" ref={attachHidden} name={name} defaultValue={defaultValue} />
    </>
  );
}
