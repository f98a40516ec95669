import { z } from "zod";
import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import {
  DIGEST_FREQUENCIES,
  EMAIL_CATEGORIES,
  EMAIL_CATEGORY_LABELS,
  type DigestFrequency,
  type EmailCategory,
} from "./email-categories";

const frequency = (category: EmailCategory) =>
  z.enum(DIGEST_FREQUENCIES, {
    error: `Choose how often to email you about ${EMAIL_CATEGORY_LABELS[category].toLowerCase()}`,
  });

export const setEmailPreferencesSchema = z.object(
  Object.fromEntries(EMAIL_CATEGORIES.map((c) => [c, frequency(c)])) as Record<
    EmailCategory,
    ReturnType<typeof frequency>
  >,
);

export async function findEmailPreferences(userId: string): Promise<Record<EmailCategory, DigestFrequency>> {
  const rows = await db().emailPreference.findMany({ where: { userId }, select: { category: true, frequency: true } });
  const stored = new Map(rows.map((r) => [r.category, r.frequency]));
  return Object.fromEntries(EMAIL_CATEGORIES.map((c) => [c, stored.get(c) ?? "DAILY"])) as Record<
    EmailCategory,
    DigestFrequency
  >;
}

/** A person sets their own email choices (no one else's: the actor is the only subject). */
export async function setEmailPreferences(actor: Actor, input: z.infer<typeof setEmailPreferencesSchema>) {
  return db().$transaction(async (tx) => {
    const before = await tx.emailPreference.findMany({
      where: { userId: actor.userId },
      select: { category: true, frequency: true },
    });
    for (const category of EMAIL_CATEGORIES) {
      await tx.emailPreference.upsert({
        where: { userId_category: { userId: actor.userId, category } },
        create: { userId: actor.userId, category, frequency: input[category] },
        update: { frequency: input[category], updatedAt: new Date() },
      });
    }
    await recordAudit(tx, actor, {
      action: "email-preferences.set",
      entityType: "user",
      entityId: actor.userId,
      before: Object.fromEntries(before.map((b) => [b.category, b.frequency])),
      after: input,
    });
    return input;
  });
}
