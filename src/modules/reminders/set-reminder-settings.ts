import { z } from "zod";
import { uuidField } from "@/lib/form-fields";
import { recordAudit } from "@/modules/audit/record-audit";
import { can, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden, isUniqueViolation, stale } from "@/server/errors";
import { reminderSettingsSchema, withDefaults, type ReminderSettings } from "./reminder-settings";

export const setReminderSettingsSchema = reminderSettingsSchema.extend({
  organisationId: uuidField("an organisation"),
  /** 0 while the organisation still uses the defaults. */
  version: z.coerce.number().int().min(0),
});
export type SetReminderSettingsInput = z.infer<typeof setReminderSettingsSchema>;

const SELECT = { updateDueWorkingDay: true, monthCloseWorkingDay: true, escalateAfterWorkingDays: true } as const;

export async function findReminderSettings(
  organisationId: string,
): Promise<ReminderSettings & { version: number; usesDefaults: boolean }> {
  const row = await db().reminderSetting.findUnique({
    where: { organisationId },
    select: { ...SELECT, version: true },
  });
  return { ...withDefaults(row), version: row?.version ?? 0, usesDefaults: row === null };
}

/** Finance at the organisation sets when its reminders fall due; a stale form is refused, not applied. */
export async function setReminderSettings(actor: Actor, input: SetReminderSettingsInput) {
  if (!can(actor, "period.close", input.organisationId))
    throw forbidden("Only finance at this organisation can change its reminder settings.");
  const settings = {
    updateDueWorkingDay: input.updateDueWorkingDay,
    monthCloseWorkingDay: input.monthCloseWorkingDay,
    escalateAfterWorkingDays: input.escalateAfterWorkingDays,
  };
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.reminderSetting.findUnique({
        where: { organisationId: input.organisationId },
        select: { ...SELECT, version: true },
      });
      if ((before?.version ?? 0) !== input.version) throw stale("This organisation's reminder setup");
      const after = before
        ? await tx.reminderSetting.update({
            where: { organisationId: input.organisationId, version: input.version },
            data: { ...settings, version: { increment: 1 }, updatedById: actor.userId, updatedAt: new Date() },
            select: { ...SELECT, version: true },
          })
        : await tx.reminderSetting.create({
            data: { organisationId: input.organisationId, ...settings, updatedById: actor.userId },
            select: { ...SELECT, version: true },
          });
      await recordAudit(tx, actor, {
        action: "reminder-settings.set",
        entityType: "organisation",
        entityId: input.organisationId,
        organisationId: input.organisationId,
        before: before ?? withDefaults(null),
        after,
      });
      return after;
    });
  } catch (error) {
    // Two first saves at once: the second finds the row the first created.
    if (isUniqueViolation(error)) throw stale("This organisation's reminder setup");
    throw error;
  }
}
