/** The error summary's pure parts (no React), unit-tested in error-summary.test.ts. */

export interface ErrorSummaryItem {
  field: string;
  /** The id of the field's control, as components/ui/field.tsx gives it. */
  id: string;
  message: string;
}

/** One item per field with an error, in the order the server gave them; a field's messages joined. */
export function errorSummaryItems(
  fieldErrors: Record<string, string[] | undefined> | undefined,
  idPrefix: string,
): ErrorSummaryItem[] {
  return Object.entries(fieldErrors ?? {})
    .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].length > 0)
    .map(([field, messages]) => ({
      field,
      id: idPrefix ? `${idPrefix}-${field}` : field,
      message: messages.join(". "),
    }));
}

const ERROR_PREFIX = "Error: ";

/** "Error: " before the page title, once however often a form is refused. */
export function withErrorTitle(title: string): string {
  return title.startsWith(ERROR_PREFIX) ? title : ERROR_PREFIX + title;
}

export function withoutErrorTitle(title: string): string {
  return title.startsWith(ERROR_PREFIX) ? title.slice(ERROR_PREFIX.length) : title;
}
