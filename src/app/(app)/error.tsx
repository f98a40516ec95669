"use client";

/** Shown when a page fails, e.g. while the database is unreachable. Never shows a stack trace. */
export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded border-l-4 border-nhs-red bg-white p-5">
      <h1 className="mb-2 text-2xl font-bold">Sorry, there is a problem with the service</h1>
      <p className="mb-4">We could not load this page. Your data has not been changed. Try again in a moment.</p>
      <button type="button" onClick={reset} className="rounded bg-nhs-blue px-4 py-2 font-semibold text-white">
        Try again
      </button>
    </div>
  );
}
