import { beforeAll, describe, expect, it } from "vitest";
import { syncNotifications } from "@/modules/reminders/sync-notifications";
import { db } from "@/server/db";
import { createActor, createUser } from "../factories";
import { createLeadRow, createProgrammeRow, createWorkstreamRow } from "../factories/programmes";
import { createQiaRow } from "../factories/quality";
import { createRiskActionRow, createRiskRow } from "../factories/risks";
import { closeMonthRow, createSchemeRow, createSchemeWorld, type SchemeWorld } from "../factories/schemes";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The reminder job on real PostgreSQL: it writes each person's notifications from the rules and
 * deletes them once their cause is resolved. Dates are hand-worked: November 2025 ends on a
 * Sunday, so working day 3 is Wed 3 Dec 2025 and working day 8 is Wed 10 Dec; March 2026 ends on
 * a Tuesday and Good Friday (3 Apr) and Easter Monday (6 Apr) push working day 3 to Tue 7 Apr.
 */

const at = (iso: string) => new Date(`${iso}T09:00:00.000Z`);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

let w: SchemeWorld;
let leadId: string;
let financeId: string;
let icbFinanceId: string;

const notificationsOf = (userId: string) =>
  db().notification.findMany({ where: { userId }, orderBy: { causeKey: "asc" } });
const one = async (userId: string, causeKey: string) =>
  db().notification.findUnique({ where: { userId_causeKey: { userId, causeKey } } });

async function submittedUpdate(schemeId: string, financialYear: number, month: number) {
  await db().monthlyUpdate.create({
    data: { schemeId, financialYear, month, rag: "GREEN", commentary: "On track", submittedById: leadId },
  });
}

describe("reminder job: notifications written and cleared", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createSchemeWorld();
    leadId = w.leadId;
    financeId = w.actors["FINANCE at the trust"].userId;
    icbFinanceId = w.actors["FINANCE at the ICB, system-wide"].userId;
  });

  it("reminds the lead of a monthly update due by working day 3, then overdue, then clears it once submitted", async () => {
    const scheme = await createSchemeRow({ organisationId: w.trustId, leadId, title: "Agency reduction" });
    const key = `update:${scheme.id}:2025-8`;

    await syncNotifications({ now: at("2025-12-03") });
    const due = await one(leadId, key);
    expect(due).toMatchObject({
      kind: "UPDATE_DUE",
      title: `Monthly update for M8 Nov 2025/26: ${scheme.code} Agency reduction`,
      detail: "Due 3 Dec 2025",
      href: `/schemes/${scheme.id}#monthly-update`,
      dueOn: day("2025-12-03"),
      organisationId: w.trustId,
    });
    await db().notification.update({ where: { id: due!.id }, data: { readAt: new Date() } });

    await syncNotifications({ now: at("2025-12-04") });
    const overdue = await one(leadId, key);
    expect(overdue).toMatchObject({
      id: due!.id,
      kind: "UPDATE_OVERDUE",
      detail: "Was due 3 Dec 2025: 1 working day overdue",
    });
    expect(overdue!.readAt).toBeNull(); // became overdue: unread again

    await submittedUpdate(scheme.id, 2025, 8);
    const report = await syncNotifications({ now: at("2025-12-04") });
    expect(report.removed).toBeGreaterThanOrEqual(1);
    expect(await one(leadId, key)).toBeNull();
  });

  it("escalates an update overdue by more than 5 working days to the finance director and the programme SRO", async () => {
    const sro = await createUser();
    const programme = await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId });
    await db().programme.update({ where: { id: programme.id }, data: { sro: "Chief Operating Officer" } });
    await createLeadRow({ systemId: w.systemId, title: "Chief Operating Officer", userId: sro.id });
    const workstream = await createWorkstreamRow({ programmeId: programme.id });
    const scheme = await createSchemeRow({ organisationId: w.trustId, leadId });
    await db().scheme.update({ where: { id: scheme.id }, data: { workstreamId: workstream.id } });
    const key = `update-escalated:${scheme.id}:2025-8`;

    await syncNotifications({ now: at("2025-12-10") }); // 5 working days overdue: not yet
    expect(await one(financeId, key)).toBeNull();
    expect((await one(leadId, `update:${scheme.id}:2025-8`))?.detail).toBe(
      "Was due 3 Dec 2025: 5 working days overdue",
    );

    await syncNotifications({ now: at("2025-12-11") }); // 6
    expect(await one(financeId, key)).toMatchObject({ kind: "UPDATE_ESCALATED", href: `/schemes/${scheme.id}` });
    expect(await one(sro.id, key)).toMatchObject({ kind: "UPDATE_ESCALATED" });
    // The ICB's system-wide finance user is not the trust's finance director.
    expect(await one(icbFinanceId, key)).toBeNull();

    await submittedUpdate(scheme.id, 2025, 8);
    await syncNotifications({ now: at("2025-12-11") });
    expect(await one(financeId, key)).toBeNull();
    expect(await one(sro.id, key)).toBeNull();
  });

  it("uses the organisation's own working day N, and counts over Easter and the year end", async () => {
    const scheme = await createSchemeRow({ organisationId: w.trustId, leadId });
    const march = `update:${scheme.id}:2025-12`;
    await syncNotifications({ now: at("2026-04-06") }); // Easter Monday: WD3 is Tue 7 Apr
    expect(await one(leadId, march)).toMatchObject({ kind: "UPDATE_DUE", dueOn: day("2026-04-07") });
    expect((await one(leadId, march))!.title).toContain("Mar 2025/26");
    await syncNotifications({ now: at("2026-04-08") });
    expect(await one(leadId, march)).toMatchObject({ kind: "UPDATE_OVERDUE" });

    await db().reminderSetting.create({
      data: {
        organisationId: w.trustId,
        updateDueWorkingDay: 5,
        monthCloseWorkingDay: 8,
        escalateAfterWorkingDays: 5,
        updatedById: financeId,
      },
    });
    await syncNotifications({ now: at("2026-04-08") }); // WD5 is Thu 9 Apr
    expect(await one(leadId, march)).toMatchObject({ kind: "UPDATE_DUE", dueOn: day("2026-04-09") });
    await db().reminderSetting.delete({ where: { organisationId: w.trustId } });
  });

  it("tells the approvers a gateway decision waits, with its age, and clears it once decided", async () => {
    const scheme = await createSchemeRow({ organisationId: w.trustId, leadId });
    await db().scheme.update({ where: { id: scheme.id }, data: { submittedGate: 1, submittedAt: at("2025-12-01") } });
    const key = `gateway:${scheme.id}:1`;
    await syncNotifications({ now: at("2025-12-04") });
    expect(await one(financeId, key)).toMatchObject({
      kind: "GATEWAY_DECISION",
      detail: "Submitted 1 Dec 2025, waiting 3 working days",
      waitingSince: at("2025-12-01"),
    });
    expect(await one(icbFinanceId, key)).not.toBeNull(); // system-wide finance may decide too
    expect(await one(leadId, key)).toBeNull(); // never the lead

    await db().scheme.update({ where: { id: scheme.id }, data: { submittedGate: null, submittedAt: null } });
    await syncNotifications({ now: at("2025-12-04") });
    expect(await one(financeId, key)).toBeNull();
  });

  it("asks the clinician of an open capacity to sign a QIA, and stops once their capacity is signed", async () => {
    const medical = await createActor([
      { organisationId: w.trustId, role: "CLINICAL_APPROVER", clinicalCapacity: "MEDICAL" },
    ]);
    const nursing = await createActor([
      { organisationId: w.trustId, role: "CLINICAL_APPROVER", clinicalCapacity: "NURSING" },
    ]);
    const scheme = await createSchemeRow({ organisationId: w.trustId, leadId });
    const qia = await createQiaRow({
      schemeId: scheme.id,
      createdById: leadId,
      status: "AWAITING_SIGN_OFF",
      screening: "full",
    });
    const key = `qia-sign:${qia.id}`;
    await syncNotifications({ now: at("2025-12-04") });
    expect(await one(medical.userId, key)).toMatchObject({ kind: "QIA_SIGNATURE", href: `/schemes/${scheme.id}/qia` });
    expect(await one(nursing.userId, key)).not.toBeNull();

    await db().qualitySignOff.create({
      data: { assessmentId: qia.id, userId: medical.userId, capacity: "MEDICAL", outcome: "APPROVED" },
    });
    await syncNotifications({ now: at("2025-12-04") });
    expect(await one(medical.userId, key)).toBeNull();
    expect(await one(nursing.userId, key)).not.toBeNull();
  });

  it("reminds of a QIA review 5 working days ahead, past-due risk reviews and actions, and open conditions", async () => {
    const scheme = await createSchemeRow({ organisationId: w.trustId, leadId });
    const qia = await createQiaRow({
      schemeId: scheme.id,
      createdById: leadId,
      status: "APPROVED_WITH_CONDITIONS",
      reviewDate: day("2025-12-11"),
      signOffs: [
        { userId: financeId, capacity: "MEDICAL", outcome: "APPROVED_WITH_CONDITIONS", conditions: ["Audit"] },
      ],
    });
    const programme = await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId });
    const risk = await createRiskRow({
      programmeId: programme.id,
      ownerId: leadId,
      title: "Bank fill rates",
      reviewDate: "2025-12-03",
    });
    const action = await createRiskActionRow({ riskId: risk.id, ownerId: financeId, dueDate: "2025-12-01" });

    await syncNotifications({ now: at("2025-12-03") });
    expect(await one(leadId, `qia-review:${qia.id}`)).toBeNull(); // 11 Dec is 6 working days away
    expect(await one(leadId, `risk-review:${risk.id}`)).toBeNull(); // due today, not past
    expect(await one(financeId, `risk-action:${action.id}`)).toMatchObject({
      kind: "RISK_ACTION_OVERDUE",
      title: "Risk action on: Bank fill rates",
      href: `/risks/${risk.id}`,
    });
    const [condition] = await db().trackedCondition.findMany({ where: { schemeId: scheme.id } });
    expect(await one(leadId, `condition:${condition!.id}`)).toMatchObject({ kind: "CONDITION_OPEN" });

    await syncNotifications({ now: at("2025-12-04") });
    expect(await one(leadId, `qia-review:${qia.id}`)).toMatchObject({
      kind: "QIA_REVIEW_DUE",
      detail: "Due 11 Dec 2025",
    });
    expect(await one(leadId, `risk-review:${risk.id}`)).toMatchObject({
      kind: "RISK_REVIEW_OVERDUE",
      detail: "Was due 3 Dec 2025",
    });

    await db().risk.update({ where: { id: risk.id }, data: { reviewDate: day("2026-03-01") } });
    await db().riskAction.update({ where: { id: action.id }, data: { status: "DONE", completedAt: new Date() } });
    await db().trackedCondition.update({
      where: { id: condition!.id },
      data: { metAt: new Date(), metById: financeId, metNote: "Done" },
    });
    await db().qualityReview.create({ data: { assessmentId: qia.id, reviewedById: leadId, findings: "Fine" } });
    await syncNotifications({ now: at("2025-12-04") });
    expect(await one(leadId, `risk-review:${risk.id}`)).toBeNull();
    expect(await one(financeId, `risk-action:${action.id}`)).toBeNull();
    expect(await one(leadId, `condition:${condition!.id}`)).toBeNull();
    expect(await one(leadId, `qia-review:${qia.id}`)).toBeNull();
  });

  it("tells the organisation's finance users the month is not closed from working day 8 until it is", async () => {
    const key = `month-close:${w.trustId}:2025-8`;
    await syncNotifications({ now: at("2025-12-09") });
    expect(await one(financeId, key)).toBeNull();
    await syncNotifications({ now: at("2025-12-10") });
    expect(await one(financeId, key)).toMatchObject({
      kind: "MONTH_NOT_CLOSED",
      dueOn: day("2025-12-10"),
      href: `/finance?organisation=${w.trustId}&year=2025`,
    });
    expect(await one(icbFinanceId, key)).toBeNull();
    await closeMonthRow(w.trustId, 2025, 8, financeId);
    await syncNotifications({ now: at("2025-12-10") });
    expect(await one(financeId, key)).toBeNull();
  });

  it("reminds no disabled user, and a person's own refresh touches only their notifications", async () => {
    const other = await createActor([{ organisationId: w.trustId, role: "LEAD" }]);
    const mine = await createSchemeRow({ organisationId: w.trustId, leadId: other.userId });
    await syncNotifications({ now: at("2025-12-04") });
    expect(await one(other.userId, `update:${mine.id}:2025-8`)).not.toBeNull();
    const leadBefore = (await notificationsOf(leadId)).length;

    await db().user.update({ where: { id: other.userId }, data: { active: false } });
    const report = await syncNotifications({ now: at("2025-12-04"), userId: other.userId });
    expect(report).toMatchObject({ removed: 1, current: 0 });
    expect(await notificationsOf(other.userId)).toEqual([]);
    expect((await notificationsOf(leadId)).length).toBe(leadBefore);

    // Nothing changed since: a second full run writes nothing.
    await syncNotifications({ now: at("2025-12-04") });
    const again = await syncNotifications({ now: at("2025-12-04") });
    expect(again).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(again.current).toBeGreaterThan(0);
  });
});
