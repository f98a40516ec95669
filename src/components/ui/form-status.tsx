import type { ActionState } from "@/server/action";

/** The outcome of a form submission, announced to screen readers. */
export function FormStatus({ state }: { state: ActionState | null }) {
  if (!state) return <div role="status" aria-live="polite" />;
  if (state.ok) {
    return (
      <div role="status" aria-live="polite" className="mb-4 border-l-4 border-nhs-green bg-white p-3">
        {state.message ?? "Saved."}
      </div>
    );
  }
  return (
    <div role="alert" className="mb-4 border-4 border-nhs-red bg-white p-3">
      <p className="font-semibold">{state.message}</p>
    </div>
  );
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
