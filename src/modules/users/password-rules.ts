import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { DEMO_PASSWORD } from "@/lib/demo-password";

/**
 * Password rules (NCSC password guidance; issue 18 item 3): at least 12 characters, no composition
 * rules (no "one capital, one digit, one symbol"), and a deny list. The deny list is zxcvbn-ts:
 * its common package carries 49,233 of the most used passwords from breach corpora, and its
 * matchers also catch what an exact-match list misses (the same passwords with digits appended,
 * l33t, reversed, keyboard walks, repeats like "aaaaaaaaaaaa", sequences, dates, the person's own
 * name or email). A password must score 3 of 4 ("safely unguessable", 10^8+ guesses). The demo's
 * published password is refused outside the demo.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt reads only the first 72 bytes; the limit stops abuse of the hashing, not passphrases. */
export const PASSWORD_MAX_LENGTH = 200;
const MIN_SCORE = 3;

export const DEMO_PASSWORD_MESSAGE = "This is the demo's published password. Choose a password of your own";
const HARDER = "Choose a password that is harder to guess: three or four random words work well";

let checker: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return checker;
}

export interface PasswordContext {
  /** True only where the demo data is loaded (the embedded database or SEED_DEMO). */
  demoPasswordAllowed: boolean;
  /** The person's own details (name, email): a password built from them is easy to guess. */
  userInputs?: string[];
}

function userWords(inputs: string[]): string[] {
  return inputs.flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 3);
}

/** Why this password is refused, worded for the field, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  if (!context.demoPasswordAllowed && password.trim().toLowerCase() === DEMO_PASSWORD.toLowerCase()) {
    return DEMO_PASSWORD_MESSAGE;
  }
  const result: ZxcvbnResult = zxcvbn().check(password, userWords(context.userInputs ?? []));
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning?.replace(/\.$/, "");
  return warning ? `${warning}. ${HARDER}` : `This password is easy to guess. ${HARDER}`;
}
