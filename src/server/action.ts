import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { getSignedInActor } from "@/server/auth/session";
import { recordDeniedAttempt } from "@/modules/audit/record-audit";
import { DomainError } from "@/server/errors";

/** What every server action returns; forms show `message` and each field's errors. */
export type ActionState<T = unknown> =
  { ok: true; message?: string; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export interface ActionOutcome<T> {
  data: T;
  message?: string;
  /** Paths to revalidate, from `routes`. */
  revalidate?: string[];
}

const GENERIC_FAILURE = "Something went wrong and nothing was saved. Please try again.";

/** FormData -> plain object; repeated names become arrays, empty strings stay strings. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue; // React's own fields
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/**
 * The standard write: authenticate -> validate (zod, errors per field) -> the use case,
 * which authorizes against the actor's roles and scope and writes its change and audit
 * event in one transaction -> revalidate. Works with `useActionState` (prev, formData)
 * and with a plain object as the second argument.
 */
export function authedAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  useCase: (actor: Actor, input: z.output<S>) => Promise<ActionOutcome<T>>,
) {
  return async (_previous: ActionState<T> | null, payload: FormData | z.input<S>): Promise<ActionState<T>> => {
    let actor: Actor | null;
    try {
      actor = await getSignedInActor();
    } catch (error) {
      console.error(`[action ${name}] could not load the session`, error);
      return { ok: false, message: GENERIC_FAILURE };
    }
    if (!actor) return { ok: false, message: "Your session has ended. Sign in again, then retry." };
    // The one way out of a required password change is making it ("changePassword", modules/users/password-actions).
    if (actor.mustChangePassword && name !== "changePassword") {
      return { ok: false, message: "Choose a new password first: your administrator has required one." };
    }

    const raw = payload instanceof FormData ? formDataToObject(payload) : payload;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      return { ok: false, message: "Some answers need correcting.", fieldErrors };
    }
    try {
      const outcome = await useCase(actor, parsed.data);
      for (const path of outcome.revalidate ?? []) revalidatePath(path);
      return { ok: true, data: outcome.data, message: outcome.message };
    } catch (error) {
      if (error instanceof DomainError) {
        // Refusals are evidence: a permission refusal, a stale version or a conflict (two people
        // acting at once) is audited, unless the use case already recorded it.
        if (!error.audited && error.code === "FORBIDDEN") await recordDeniedAttempt(actor, name, raw).catch(() => {});
        if (!error.audited && (error.code === "STALE" || error.code === "CONFLICT")) {
          await recordDeniedAttempt(actor, name, raw, { code: error.code, message: error.message }).catch(() => {});
        }
        return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
      }
      console.error(`[action ${name}] failed`, error);
      return { ok: false, message: GENERIC_FAILURE };
    }
  };
}
