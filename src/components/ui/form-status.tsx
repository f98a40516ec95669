"use client";

import { useContext, useEffect, useRef, type MouseEvent } from "react";
import type { ActionState } from "@/server/action";
import { FieldIdPrefixContext } from "@/components/ui/field";
import { errorSummaryItems, withErrorTitle, withoutErrorTitle } from "@/components/ui/error-summary";

/**
 * The outcome of a form submission. A refusal is the NHS / GOV.UK error summary: a box at the
 * top of the form listing each field's error as a link to that field, focus moved to the box,
 * and "Error: " put before the page title until the form is sent again and accepted.
 */
export function FormStatus({
  state,
  fieldId,
}: {
  state: ActionState | null;
  /** The element id of a field whose id is not the form's prefix + name (e.g. grid cells "plan.3"). */
  fieldId?: (field: string) => string | undefined;
}) {
  const prefix = useContext(FieldIdPrefixContext);
  const box = useRef<HTMLDivElement>(null);
  const failed = state !== null && !state.ok;

  useEffect(() => {
    if (failed) {
      document.title = withErrorTitle(document.title);
      box.current?.focus();
      box.current?.scrollIntoView({ block: "start" });
    } else if (state?.ok) {
      document.title = withoutErrorTitle(document.title);
    }
  }, [state, failed]);

  if (!state) return <div role="status" aria-live="polite" />;
  if (state.ok) {
    return (
      <div role="status" aria-live="polite" className="mb-4 border-l-4 border-nhs-green bg-white p-3">
        {state.message ?? "Saved."}
      </div>
    );
  }
  const items = errorSummaryItems(state.fieldErrors, prefix).map((item) => ({
    ...item,
    id: fieldId?.(item.field) ?? item.id,
  }));
  return (
    <div
      ref={box}
      tabIndex={-1}
      data-error-summary=""
      className="mb-4 border-4 border-nhs-red bg-white p-3 focus:outline-4 focus:outline-offset-0 focus:outline-nhs-yellow"
    >
      <h2 role="alert" className="text-lg font-semibold">
        {state.message}
      </h2>
      {items.length > 0 && (
        <ul className="mt-2 list-none space-y-1">
          {items.map((item) => (
            <li key={item.field}>
              <a
                href={`#${item.id}`}
                onClick={(event) => focusField(event, item.id, item.field)}
                className="font-semibold text-nhs-red underline"
              >
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Focus the field itself (not just scroll to it), its label in view, as GOV.UK's summary does. */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string, field: string) {
  const form = event.currentTarget.closest("form");
  const escaped = CSS.escape(field);
  const target =
    document.getElementById(id) ??
    form?.querySelector<HTMLElement>(`[name="${escaped}"]`) ??
    form?.querySelector<HTMLElement>(`[id$="${escaped}"]`);
  if (!target) return;
  event.preventDefault();
  const label = target.id ? document.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null;
  (label ?? target).scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

/** The outcome of a one-line form (a status select, a "mark met" button), beside its button. */
export function InlineFormStatus({ state }: { state: ActionState | null }) {
  if (!state) return null;
  return (
    <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-nhs-green" : "text-nhs-red"}>
      {state.message}
    </span>
  );
}

export function fieldErrors(state: ActionState | null, field: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[field] : undefined;
}
