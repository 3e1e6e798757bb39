"use client";

// A date typed « jj/mm/aaaa » whatever the browser's locale (a native <input type="date"> shows
// mm/dd/yyyy in an English browser). The visible text input carries the label; a hidden input
// carries the field's name and its "YYYY-MM-DD" value, so `{...register("x")}` from
// react-hook-form and plain GET forms both keep exchanging ISO days.
import { useCallback, useRef, useState, type InputHTMLAttributes, type KeyboardEvent, type Ref } from "react";
import { controlClasses } from "@/components/ui/field";
import { useHiddenFormValue, type FieldEvent } from "@/components/ui/use-hidden-form-value";
import { cn } from "@/lib/cn";
import { formatFrenchDate, frenchDateToFormValue, maskFrenchDateInput, parseFrenchDate, shiftIsoDay } from "@/lib/forms/french-date";

export type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "value" | "defaultValue" | "onChange" | "onBlur" | "ref"> & {
  id: string;
  name?: string;
  defaultValue?: string;
  onChange?: (event: FieldEvent) => unknown;
  onBlur?: (event: FieldEvent) => unknown;
  ref?: Ref<HTMLInputElement>;
};

export const DATE_FORMAT_HINT = "Format jj/mm/aaaa, flèches haut et bas pour changer de jour.";

// The visible half, shared with DateTimeInput: masks slashes, arrows move a day, blur tidies.
export function useFrenchDateText(initial: string) {
  const [text, setText] = useState(initial);
  const next = (value: string) => maskFrenchDateInput(text, value);
  const stepped = (event: KeyboardEvent<HTMLInputElement>): string | null => {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return null;
    const day = parseFrenchDate(text);
    if (!day) return null;
    event.preventDefault();
    return formatFrenchDate(shiftIsoDay(day, event.key === "ArrowUp" ? 1 : -1));
  };
  const tidied = (): string | null => {
    const day = parseFrenchDate(text);
    return day && formatFrenchDate(day) !== text ? formatFrenchDate(day) : null;
  };
  return { text, setText, next, stepped, tidied };
}

export function DateInput({ id, name, defaultValue, onChange, onBlur, ref, className, onKeyDown, "aria-describedby": describedBy, ...rest }: DateInputProps) {
  const visibleRef = useRef<HTMLInputElement | null>(null);
  const date = useFrenchDateText(formatFrenchDate(defaultValue));
  const { setText } = date;
  const onExternalValue = useCallback((value: string) => setText(formatFrenchDate(value)), [setText]);
  const { hiddenRef, attachHidden, write } = useHiddenFormValue({ ref, visibleRef, onExternalValue, onChange });

  const commit = (text: string) => {
    setText(text);
    write(frenchDateToFormValue(text));
  };

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
        value={date.text}
        aria-describedby={[describedBy, formatId].filter(Boolean).join(" ")}
        className={cn(controlClasses, className)}
        onChange={(event) => commit(date.next(event.target.value))}
        onKeyDown={(event) => {
          onKeyDown?.(event);
          if (event.defaultPrevented) return;
          const stepped = date.stepped(event);
          if (stepped) commit(stepped);
        }}
        onBlur={() => {
          // A complete day typed loosely (« 5-1-2026 ») is shown back in the canonical form.
          const tidied = date.tidied();
          if (tidied) commit(tidied);
          if (hiddenRef.current) onBlur?.({ target: hiddenRef.current, type: "blur" });
        }}
      />
      <span id={formatId} className="sr-only">
        {DATE_FORMAT_HINT}
      </span>
      <input type="hidden" ref={attachHidden} name={name} defaultValue={defaultValue} />
    </>
  );
}
