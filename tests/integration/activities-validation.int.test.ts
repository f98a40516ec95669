import { beforeAll, describe, expect, it } from "vitest";
import { quarterIndex } from "@/lib/financial-year";
import { createActivitySchema, updateActivityProgressSchema } from "@/modules/activities/activity-schemas";
import { createActivity, updateActivityProgress } from "@/modules/activities/activity-writes";
import { db } from "@/server/db";
import {
  countChanges,
  createActivityRow,
  createLeadRow,
  createProgrammeRow,
  createProgrammeWorld,
  createWorkstreamRow,
  type ProgrammeWorld,
} from "../factories/programmes";
import { rowCounts, runAction, type ActionResult } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The bad input: unknown quarter text, end before start, a lead that does not exist,
 * an activity number used twice in one programme, editing someone else's activity. Each gets
 * a clear message on the field at fault, and nothing is written.
 */

let w: ProgrammeWorld;
let programmeId: string;
let otherProgrammeId: string;

const finance = () => w.actors["FINANCE at the trust"];
const valid = (changes: Record<string, unknown> = {}) => ({
  programmeId,
  description: "Establish process to review continuing covid costs",
  timescale: "Q3 2025/26",
  leadIds: [w.ownLeadId],
  ...changes,
});
const create = (changes: Record<string, unknown> = {}) =>
  runAction(createActivitySchema, createActivity, finance(), valid(changes));

/** Runs `attempt` and checks that nothing at all was written. */
async function writesNothing<T>(attempt: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const before = await rowCounts();
  const result = await attempt();
  expect(await rowCounts()).toEqual(before);
  return result;
}

const TIMESCALE_FORMS = /Use a form like "Q3 2024\/25", "Q3 24-25", "Q3 2024\/25 – Q1 2025\/26" or "Ongoing"/;

describe("activity writes: bad input", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createProgrammeWorld();
    programmeId = (await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId })).id;
    otherProgrammeId = (await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId })).id;
  });

  describe("timescale", () => {
    it.each([
      [
        "Q5 2024/25",
        /^Unknown timescale "Q5 2024\/25": there is no Q5, as quarters run from Q1 \(April–June\) to Q4 \(January–March\)\./,
      ],
      ["soon", /^Unknown timescale "soon"\./],
      ["Q3 2024/26", /^Unknown timescale "Q3 2024\/26": 2024\/26 is not a financial year/],
      ["", /^Unknown timescale ""/],
    ])("refuses %j, naming the accepted forms", async (timescale, message) => {
      const result = await writesNothing(() => create({ timescale }));
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      if (result.ok) return;
      expect(result.fieldErrors).toEqual({ timescale: [expect.stringMatching(message)] });
      expect(result.fieldErrors?.timescale?.[0]).toMatch(TIMESCALE_FORMS);
    });

    it("refuses a range that ends before it starts", async () => {
      const result = await writesNothing(() => create({ timescale: "Q3 2025/26 – Q1 2025/26" }));
      expect(result).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: {
          timescale: ['Timescale "Q3 2025/26 – Q1 2025/26" ends before it starts: Q1 2025/26 is before Q3 2025/26.'],
        },
      });
    });

    it("refuses a timescale that is not text", async () => {
      const result = await writesNothing(() => create({ timescale: 202526 }));
      expect(result).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: { timescale: ["Enter a timescale"] },
      });
    });

    it.each([
      ["Q4 2025/26", quarterIndex({ fy: 2025, q: 4 }), quarterIndex({ fy: 2025, q: 4 })],
      ["q4 25–26", quarterIndex({ fy: 2025, q: 4 }), quarterIndex({ fy: 2025, q: 4 })],
      ["Q3 2025/26 – Q1 2026/27", quarterIndex({ fy: 2025, q: 3 }), quarterIndex({ fy: 2026, q: 1 })],
      ["Q3 21-22 to Q3 21-22", quarterIndex({ fy: 2021, q: 3 }), quarterIndex({ fy: 2021, q: 3 })],
      ["Ongoing", null, null],
      ["  ongoing ", null, null],
    ])("stores %j as start and end quarter indexes", async (timescale, startQuarter, endQuarter) => {
      const result = await create({ timescale });
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      expect(await db().activity.findUniqueOrThrow({ where: { id: result.data.id } })).toMatchObject({
        startQuarter,
        endQuarter,
      });
    });
  });

  describe("leads", () => {
    it.each([
      ["a lead that does not exist", () => [crypto.randomUUID()]],
      ["a lead of another system", () => [w.foreignLeadId]],
      ["one good lead and one that does not exist", () => [w.ownLeadId, crypto.randomUUID()]],
    ])("refuses %s on leadIds, writing nothing", async (_label, leadIds) => {
      const result = await writesNothing(() => create({ leadIds: leadIds() }));
      expect(result).toMatchObject({
        ok: false,
        code: "INVALID",
        fieldErrors: { leadIds: ["One of the chosen leads does not exist; choose leads from the list"] },
      });
    });

    it.each([
      ["no leads", [], "Choose at least one lead"],
      ["a lead id that is not a uuid", ["DoF"], "Choose leads from the list"],
      ["leadIds that are not text", 5, "Choose at least one lead"],
      ["eleven leads", Array.from({ length: 11 }, () => crypto.randomUUID()), "At most 10 leads"],
    ])("refuses %s with a field error", async (_label, leadIds, message) => {
      const result = await writesNothing(() => create({ leadIds }));
      expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { leadIds: [message] } });
    });

    it("accepts a single lead id sent as one value, and the same lead chosen twice once", async () => {
      const before = await rowCounts();
      expect(await create({ leadIds: w.ownLeadId })).toMatchObject({ ok: true });
      expect(await create({ leadIds: [w.ownLeadId, w.ownLeadId] })).toMatchObject({ ok: true });
      expect(countChanges(before, await rowCounts())).toEqual({ activity: 2, activity_lead: 2, audit_event: 2 });
    });
  });

  describe("number", () => {
    it("refuses a number used twice in one programme, but not in another programme", async () => {
      expect(await create({ number: "7.1" })).toMatchObject({ ok: true });
      const duplicate = await writesNothing(() =>
        create({ number: "7.1", description: "A second activity seven point one" }),
      );
      expect(duplicate).toMatchObject({
        ok: false,
        code: "CONFLICT",
        fieldErrors: { number: ["Activity 7.1 already exists in this programme"] },
      });
      expect(await create({ number: " 7.1 ", programmeId: otherProgrammeId })).toMatchObject({ ok: true });
      expect(await db().activity.count({ where: { number: "7.1" } })).toBe(2);
    });

    it("allows any number of unnumbered activities", async () => {
      const before = await db().activity.count({ where: { programmeId: otherProgrammeId, number: null } });
      expect(await create({ number: "", programmeId: otherProgrammeId })).toMatchObject({ ok: true });
      expect(await create({ programmeId: otherProgrammeId })).toMatchObject({ ok: true });
      expect(await db().activity.count({ where: { programmeId: otherProgrammeId, number: null } })).toBe(before + 2);
    });

    it("gives the loser of two concurrent creates with one number the same conflict", async () => {
      const before = await rowCounts();
      const results = await Promise.all([create({ number: "9" }), create({ number: "9" })]);
      expect(results.map((r) => (r.ok ? "ok" : r.code)).sort()).toEqual(["CONFLICT", "ok"]);
      expect(results.find((r) => !r.ok)).toMatchObject({
        fieldErrors: { number: ["Activity 9 already exists in this programme"] },
      });
      expect(countChanges(before, await rowCounts())).toEqual({ activity: 1, activity_lead: 1, audit_event: 1 });
    });

    it.each([
      ["13 characters", "1234567890123", "Number must be 12 characters or fewer"],
      ["a space inside", "3 a", "Use digits, letters and dots only, e.g. 3 or 1.2"],
      ["a hyphen", "3-1", "Use digits, letters and dots only, e.g. 3 or 1.2"],
    ])("refuses a number with %s", async (_label, number, message) => {
      const result = await writesNothing(() => create({ number }));
      expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { number: [message] } });
    });
  });

  describe("other fields", () => {
    it.each([
      [
        "a description of 2 characters",
        { description: "ab" },
        "description",
        "A description must be at least 3 characters",
      ],
      [
        "a description of 4001 characters",
        { description: "x".repeat(4001) },
        "description",
        "A description must be 4000 characters or fewer",
      ],
      ["a description that is not text", { description: 42 }, "description", "Enter a description"],
      ["an unknown status", { status: "FINISHED" }, "status", "Choose a status"],
      [
        "21 deliverables",
        { deliverables: Array.from({ length: 21 }, (_, i) => `D${i}`).join("\n") },
        "deliverables",
        "At most 20 lines of deliverables",
      ],
      ["a programme id that is not a uuid", { programmeId: "programme-1" }, "programmeId", "Choose a programme"],
      ["a workstream id that is not a uuid", { workstreamId: "ws" }, "workstreamId", "Choose a workstream"],
    ])("refuses %s", async (_label, change, field, message) => {
      const result = await writesNothing(() => create(change));
      expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { [field]: [message] } });
    });

    it("refuses a workstream of another programme", async () => {
      const foreign = await createWorkstreamRow({ programmeId: otherProgrammeId });
      const result = await writesNothing(() => create({ workstreamId: foreign.id }));
      expect(result).toMatchObject({
        ok: false,
        code: "INVALID",
        fieldErrors: { workstreamId: ["Choose a workstream of this programme"] },
      });
    });

    it("answers NOT_FOUND for a programme that does not exist", async () => {
      const result = await writesNothing(() => create({ programmeId: crypto.randomUUID() }));
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    });
  });

  describe("editing someone else's activity", () => {
    it("is refused with a clear message, and nothing changes", async () => {
      const someoneElse = await createLeadRow({ systemId: w.systemId });
      const activity = await createActivityRow({ programmeId, leadIds: [someoneElse.id] });
      const actor = w.actors["LEAD at the trust, linked to the activity's lead"];
      const result = await writesNothing(() =>
        runAction(updateActivityProgressSchema, updateActivityProgress, actor, {
          activityId: activity.id,
          version: 1,
          status: "DONE",
        }),
      );
      expect(result).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
        message: "Only the activity's leads, finance or the PMO can update this activity.",
      });
      expect(await db().activity.findUniqueOrThrow({ where: { id: activity.id } })).toMatchObject({
        status: "NOT_STARTED",
        version: 1,
      });
    });

    it.each([
      ["an unknown status", { status: "done" }, "status", "Choose a status"],
      ["no version", { version: undefined }, "version", "Reload the page and try again"],
      ["a version of 0", { version: 0 }, "version", /./],
      ["a version of Infinity", { version: "Infinity" }, "version", "Reload the page and try again"],
      [
        "a deliverable of 1001 characters",
        { deliverables: "x".repeat(1001) },
        "deliverables",
        "Each line of deliverables must be 1000 characters or fewer",
      ],
    ])("updateActivityProgress refuses %s", async (_label, change, field, message) => {
      const activity = await createActivityRow({ programmeId, leadIds: [w.ownLeadId] });
      const actor = w.actors["LEAD at the trust, linked to the activity's lead"];
      const raw = { activityId: activity.id, version: 1, status: "DONE", ...change };
      const result = await writesNothing(() =>
        runAction(updateActivityProgressSchema, updateActivityProgress, actor, raw),
      );
      expect(result).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: { [field]: [typeof message === "string" ? message : expect.stringMatching(message)] },
      });
    });
  });
});
