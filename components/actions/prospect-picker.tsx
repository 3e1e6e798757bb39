"use client";

// An accessible searchable select (WAI-ARIA combobox with a listbox popup) over the actor's
// prospects: the server filters, so it scales to any portfolio and never sees another
// partner's files.
import { useEffect, useId, useRef, useState } from "react";
import { controlClasses } from "@/components/ui/field";
import type { ProspectOption } from "@/lib/actions/queries";
import { searchProspectOptionsAction } from "@/lib/actions/actions";
import { cn } from "@/lib/cn";
import { formatSiren } from "@/lib/format";

const DEBOUNCE_MS = 250;

function optionLabel(option: ProspectOption): string {
  return option.name;
}

function optionDetail(option: ProspectOption): string {
  return [option.city, option.siren ? `SIREN ${formatSiren(option.siren)}` : null].filter(Boolean).join(" · ");
}

export function ProspectPicker({
  id,
  initial,
  invalid,
  describedBy,
  onChange,
}: {
  id: string;
  initial: ProspectOption | null;
  invalid?: boolean;
  describedBy?: string;
  onChange: (option: ProspectOption | null) => void;
}) {
  const listboxId = useId();
  const [text, setText] = useState(initial ? optionLabel(initial) : "");
  const [selected, setSelected] = useState<ProspectOption | null>(initial);
  const [options, setOptions] = useState<ProspectOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const requestRef = useRef(0);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timerRef.current), []);

  function search(query: string) {
    clearTimeout(timerRef.current);
    const request = ++requestRef.current;
    setLoading(true);
    timerRef.current = setTimeout(async () => {
      try {
        const result = await searchProspectOptionsAction({ q: query });
        // Only the answer to the latest keystroke counts.
        if (request !== requestRef.current) return;
        if (result.ok) {
          setOptions(result.data);
          setError(null);
        } else {
          setOptions([]);
          setError(result.error);
        }
        setActive(-1);
      } catch {
        if (request === requestRef.current) setError("La recherche n'a pas abouti. Réessayez.");
      } finally {
        if (request === requestRef.current) setLoading(false);
      }
    }, DEBOUNCE_MS);
  }

  function choose(option: ProspectOption) {
    setSelected(option);
    setText(optionLabel(option));
    setOpen(false);
    setActive(-1);
    onChange(option);
  }

  function openList() {
    if (!open) {
      setOpen(true);
      search(selected && text === optionLabel(selected) ? "" : text);
    }
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) openList();
      else setActive((i) => Math.min(options.length - 1, i + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === "Enter") {
      if (open && active >= 0 && options[active]) {
        event.preventDefault();
        choose(options[active]);
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
      }
    }
  }

  const activeId = open && active >= 0 && options[active] ? `${listboxId}-${options[active].id}` : undefined;
  const statusText = loading
    ? "Recherche…"
    : error
      ? error
      : options.length === 0
        ? "Aucun prospect ne correspond à cette recherche."
        : `${options.length} prospect${options.length > 1 ? "s" : ""} proposé${options.length > 1 ? "s" : ""}.`;

  return (
    <div className="relative">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listboxId}
        aria-activedescendant={activeId}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        placeholder="Nom, ville ou SIREN"
        value={text}
        className={controlClasses}
        onFocus={openList}
        onClick={openList}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // Let a click on an option land before the list closes.
          setTimeout(() => setOpen(false), 150);
          if (selected && text !== optionLabel(selected)) setText(optionLabel(selected));
        }}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          setOpen(true);
          if (selected) {
            setSelected(null);
            onChange(null);
          }
          search(value);
        }}
      />
      <p className="sr-only" role="status" aria-live="polite">
        {open ? statusText : ""}
      </p>
      {open ? (
        <ul
          id={listboxId}
          role="listbox"
          aria-label="Prospects"
          className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {options.map((option, index) => (
            <li
              key={option.id}
              id={`${listboxId}-${option.id}`}
              role="option"
              aria-selected={selected?.id === option.id}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              onMouseEnter={() => setActive(index)}
              className={cn(
                "cursor-pointer px-3 py-2",
                index === active ? "bg-brand-50 text-brand-900" : "text-slate-800",
                selected?.id === option.id && "font-semibold",
              )}
            >
              <span className="block">{optionLabel(option)}</span>
              {optionDetail(option) ? <span className="block text-xs text-slate-500">{optionDetail(option)}</span> : null}
            </li>
          ))}
          {options.length === 0 ? (
            <li role="presentation" className="px-3 py-2 text-slate-500">
              {statusText}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
