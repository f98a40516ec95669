/**
 * Expected failures of a use case. The message is safe to show to the user; fieldErrors
 * name the form fields at fault. Anything that is not a DomainError is a bug or an outage:
 * it is logged and the user sees a generic message.
 */
export type DomainErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID" | "CONFLICT" | "STALE";

export class DomainError extends Error {
  override name = "DomainError";
  /** Set when the use case has already written the refusal to the audit log. */
  audited = false;
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export const forbidden = (message = "You do not have permission to do that.") => new DomainError("FORBIDDEN", message);
export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
export const invalidField = (field: string, message: string) =>
  new DomainError("INVALID", message, { [field]: [message] });
/** Optimistic concurrency: the record changed since the user loaded it. */
export const stale = (what: string) =>
  new DomainError(
    "STALE",
    `${what} was changed by someone else since you opened it. Reload to see their change, then try again.`,
  );

/** Postgres/Prisma unique-constraint violation, so use cases can turn a race into a field error. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  return e.code === "P2002" || e.code === "23505" || e.cause?.code === "23505";
}
