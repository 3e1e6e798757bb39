"use client";

// A date and a time typed « jj/mm/aaaa » and « hh:mm » (24 h) whatever the browser's locale, in
// place of <input type="datetime-local">. The form value stays "YYYY-MM-DDTHH:MM" (Paris wall
// clock, see lib/dates.ts) on a hidden input, so schemas and server actions are unchanged. The
// field's label names the date half; the time half has its own name, « Heure ».
import { useCallback, useRef, useState, type InputHTMLAttributes, type Ref } from "react";
import { DATE_FORMAT_HINT, useFrenchDateText } from "@/components/ui/date-input";
import { controlClasses } from "@/components/ui/field";
import { useHiddenFormValue, type FieldEvent } from "@/components/ui/use-hidden-form-value";
import { cn } from "@/lib/cn";
import { dateTimeToFormValue, maskTimeInput, parseTime, splitLocalDateTime } from "@/lib/forms/french-date";

type DateTimeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "value" | "defaultValue" | "onChange" | "onBlur" | "ref"> & {
  id: string;
  name?: string;
  defaultValue?: string;
  onChange?: (event: FieldEvent) => unknown;
  onBlur?: (event: FieldEvent) => unknown;
  ref?: Ref<HTMLInputElement>;
  timeLabel?: string;
};

export function DateTimeInput({
  id,
  name,
  defaultValue,
  onChange,
  onBlur,
  ref,
  className,
  timeLabel = "Heure",
  "aria-describedby": describedBy,
  "aria-invalid": invalid,
  disabled,
  ...rest
}: DateTimeInputProps) {
  const visibleRef = useRef<HTMLInputElement | null>(null);
  const initial = splitLocalDateTime(defaultValue);
  const date = useFrenchDateText(initial.date);
  const [time, setTime] = useState(initial.time);
  const { setText } = date;
  const onExternalValue = useCallback(
    (value: string) => {
      const halves = splitLocalDateTime(value);
      setText(halves.date);
      setTime(halves.time);
    },
    [setText],
  );
  const { hiddenRef, attachHidden, write } = useHiddenFormValue({ ref, visibleRef, onExternalValue, onChange });

  const commit = (nextDate: string, nextTime: string) => {
    setText(nextDate);
    setTime(nextTime);
    write(dateTimeToFormValue(nextDate, nextTime));
  };
  const blur = () => {
    if (hiddenRef.current) onBlur?.({ target: hiddenRef.current, type: "blur" });
  };

  const formatId = `${id}-format`;
  const timeId = `${id}-heure`;
  const described = [describedBy, formatId].filter(Boolean).join(" ");
  return (
    <div className={cn("flex gap-2", className)}>
      <input
        {...rest}
        id={id}
        ref={visibleRef}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="jj/mm/aaaa"
        maxLength={10}
        disabled={disabled}
        value={date.text}
        aria-invalid={invalid}
        aria-describedby={described}
        className={cn(controlClasses, "min-w-0 flex-1")}
        onChange={(event) => commit(date.next(event.target.value), time)}
        onKeyDown={(event) => {
          const stepped = date.stepped(event);
          if (stepped) commit(stepped, time);
        }}
        onBlur={() => {
          const tidied = date.tidied();
          if (tidied) commit(tidied, time);
          blur();
        }}
      />
      <input
        id={timeId}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="hh:mm"
        maxLength={5}
        disabled={disabled}
        value={time}
        aria-label={timeLabel}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className={cn(controlClasses, "w-24 shrink-0 tabular-nums")}
        onChange={(event) => commit(date.text, maskTimeInput(time, event.target.value))}
        onBlur={() => {
          // « 9h » becomes « 09:00 » once the field is left.
          const hm = parseTime(time);
          if (hm && hm !== time) commit(date.text, hm);
          blur();
        }}
      />
      <span id={formatId} className="sr-only">
        {DATE_FORMAT_HINT} Heure sur 24 heures, hh:mm.
      </span>
      <input type="hidden" ref={attachHidden} name={name} defaultValue={defaultValue} />
    </div>
  );
}
