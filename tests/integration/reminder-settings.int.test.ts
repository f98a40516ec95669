import { beforeAll, describe, expect, it } from "vitest";
import {
  findReminderSettings,
  setReminderSettings,
  setReminderSettingsSchema,
} from "@/modules/reminders/set-reminder-settings";
import { markNotificationRead, markNotificationReadSchema } from "@/modules/notifications/mark-notifications-read";
import { db } from "@/server/db";
import { createSchemeWorld, type SchemeWorld } from "../factories/schemes";
import { auditEventsAfter, lastAuditId, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** Finance sets its organisation's reminder settings; nobody else may; a stale form is refused; people mark only their own notifications read. */

let w: SchemeWorld;
const form = (overrides: Record<string, unknown> = {}) => ({
  organisationId: w.trustId,
  version: "0",
  updateDueWorkingDay: "4",
  monthCloseWorkingDay: "9",
  escalateAfterWorkingDays: "6",
  ...overrides,
});
const save = (key: keyof SchemeWorld["actors"], raw: Record<string, unknown>) =>
  runAction(setReminderSettingsSchema, setReminderSettings, w.actors[key], raw);

describe("reminder settings", () => {
  useTestDatabase();
  beforeAll(async () => {
    w = await createSchemeWorld();
  });

  it("starts from the defaults, and finance at the organisation saves its own, audited", async () => {
    expect(await findReminderSettings(w.trustId)).toMatchObject({
      updateDueWorkingDay: 3,
      monthCloseWorkingDay: 8,
      escalateAfterWorkingDays: 5,
      version: 0,
      usesDefaults: true,
    });
    const lastId = await lastAuditId();
    expect(await save("FINANCE at the trust", form())).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await findReminderSettings(w.trustId)).toMatchObject({
      updateDueWorkingDay: 4,
      version: 1,
      usesDefaults: false,
    });
    const [event] = await auditEventsAfter(lastId);
    expect(event).toMatchObject({ action: "reminder-settings.set", entityId: w.trustId });
  });

  it("refuses a stale form and writes nothing", async () => {
    const result = await save("FINANCE at the trust", form({ version: "0", updateDueWorkingDay: "7" }));
    expect(result).toMatchObject({ ok: false, code: "STALE" });
    expect((await findReminderSettings(w.trustId)).updateDueWorkingDay).toBe(4);
  });

  it.each([
    "LEAD at the trust, the scheme's lead",
    "BOARD at the trust",
    "CLINICAL_APPROVER at the trust",
    "FINANCE at another trust of the system",
  ] as const)("refuses %s", async (key) => {
    const current = await findReminderSettings(w.trustId);
    const result = await save(key, form({ version: String(current.version), updateDueWorkingDay: "10" }));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await findReminderSettings(w.trustId)).updateDueWorkingDay).toBe(current.updateDueWorkingDay);
  });

  it.each([
    ["updateDueWorkingDay", "0", "must be at least 1 working day"],
    ["monthCloseWorkingDay", "21", "must be at most 20 working days"],
    ["escalateAfterWorkingDays", "2.5", "whole number"],
    ["updateDueWorkingDay", "soon", "as a number of working days"],
  ])("says what is wrong with %s = %s", async (field, value, message) => {
    const result = await save("FINANCE at the trust", form({ version: "1", [field]: value }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.[field]?.join(" ")).toContain(message);
  });

  it("lets a person mark only their own notification read", async () => {
    const lead = w.actors["LEAD at the trust, the scheme's lead"];
    const other = w.actors["LEAD at the trust, not the scheme's lead"];
    const note = await db().notification.create({
      data: { userId: lead.userId, kind: "UPDATE_DUE", causeKey: "test:1", title: "Test", href: "/" },
    });
    const mark = (actor: typeof lead) =>
      runAction(markNotificationReadSchema, markNotificationRead, actor, { notificationId: note.id });
    expect(await mark(other)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db().notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).toBeNull();
    expect(await mark(lead)).toMatchObject({ ok: true });
    expect((await db().notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).not.toBeNull();
  });
});
