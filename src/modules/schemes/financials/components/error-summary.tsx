/**
 * The GOV.UK / NHS "There is a problem" box: every error of a refused save, each linking to
 * the field it belongs to, so keyboard and screen-reader users can jump straight there.
 */
export function ErrorSummary({
  id,
  errors,
  idOf,
  title = "There is a problem",
}: {
  /** Unique on the page: several forms may each show a summary. */
  id: string;
  errors: Record<string, string[]> | undefined;
  /** The element id of a field, or undefined when the error has no field on this form. */
  idOf: (field: string) => string | undefined;
  title?: string;
}) {
  const entries = Object.entries(errors ?? {}).flatMap(([field, messages]) =>
    messages.map((message) => ({ field, message })),
  );
  if (entries.length === 0) return null;
  return (
    <div className="mb-4 border-4 border-nhs-red bg-white p-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="mb-2 text-lg font-bold">
        {title}
      </h3>
      <ul className="list-disc space-y-1 pl-6">
        {entries.map(({ field, message }, i) => {
          const target = idOf(field);
          return (
            <li key={`${field}-${i}`} className="font-semibold text-nhs-red">
              {target ? (
                <a href={`#${target}`} className="text-nhs-red">
                  {message}
                </a>
              ) : (
                message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
