/**
 * Who a comment mentions: the people picked in the form's "Mention" field (email addresses,
 * separated by commas, semicolons or spaces) and any "@name@trust.nhs.uk" written in the text.
 * Pure; resolving them to people who may see the scheme is the use case's job.
 */

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
const INLINE_MENTION = /(?:^|[\s(])@([^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]*[^\s@,;<>().])/g;

export const MAX_MENTIONS = 20;

/** Splits the picker's text into addresses; null when one of them is not an email address. */
export function parseMentionList(text: string): { ok: true; emails: string[] } | { ok: false; bad: string } {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim().replace(/^<|>$/g, ""))
    .filter(Boolean);
  for (const part of parts) if (!EMAIL.test(part)) return { ok: false, bad: part };
  return { ok: true, emails: unique(parts) };
}

/** "@jo.bloggs@trust.nhs.uk" written in the comment itself. */
export function inlineMentions(body: string): string[] {
  return unique([...body.matchAll(INLINE_MENTION)].map((m) => m[1]!));
}

function unique(emails: string[]): string[] {
  return [...new Set(emails.map((e) => e.toLowerCase()))];
}
