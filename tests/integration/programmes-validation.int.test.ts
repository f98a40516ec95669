import { beforeAll, describe, expect, it } from "vitest";
import { createProgramme } from "@/modules/programmes/create-programme";
import {
  createProgrammeSchema,
  createWorkstreamSchema,
  setProgrammeTargetSchema,
  updateProgrammeSchema,
  updateWorkstreamSchema,
} from "@/modules/programmes/programme-schemas";
import { setProgrammeTarget, updateProgramme } from "@/modules/programmes/update-programme";
import { createWorkstream, updateWorkstream } from "@/modules/programmes/workstream-writes";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { createActor, createSystemWithOrganisations, uniqueToken } from "../factories";
import { createProgrammeRow, createWorkstreamRow } from "../factories/programmes";
import { rowCounts, runAction, type ActionResult } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/** Bad input to the programme and workstream writes: a field error on the right field, nothing written. */

let finance: Actor;
let systemId: string;
let trustId: string;
let programmeId: string;

async function writesNothing<T>(attempt: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const before = await rowCounts();
  const targets = await db().programmeTarget.findMany({ orderBy: [{ programmeId: "asc" }, { financialYear: "asc" }] });
  const result = await attempt();
  expect(await rowCounts()).toEqual(before);
  expect(await db().programmeTarget.findMany({ orderBy: [{ programmeId: "asc" }, { financialYear: "asc" }] })).toEqual(
    targets,
  );
  return result;
}

/** One field error on `field` matching `message`, and no other field at fault. */
function expectFieldError(result: ActionResult<unknown>, code: string, field: string, message: string | RegExp) {
  expect(result).toMatchObject({ ok: false, code });
  if (result.ok) return;
  expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
  expect(result.fieldErrors?.[field]?.[0]).toMatch(message);
}

const BAD_MONEY: [string, unknown, RegExp][] = [
  [
    "three decimal places",
    "£1,234.567",
    /"£1,234.567" has too many decimal places: use at most two decimal places \(pence\)/,
  ],
  ["a negative amount", "-5", /cannot be negative/],
  ["a bracketed negative amount", "(1,000)", /cannot be negative/],
  ["letters", "abc", /"abc" is not an amount of money\. Enter an amount in pounds/],
  ["exponent notation", "1e5", /"1e5" is not an amount of money/],
  ["Infinity", "Infinity", /"Infinity" is not an amount of money/],
  ["NaN", "NaN", /"NaN" is not an amount of money/],
  ["misplaced thousands commas", "1,23,456", /is not an amount of money/],
  ["more than £10bn", "10,000,000,000.01", /too large/],
];

describe("programme and workstream writes: bad input", () => {
  useTestDatabase();

  beforeAll(async () => {
    const world = await createSystemWithOrganisations({ trusts: 1 });
    systemId = world.system.id;
    trustId = world.trusts[0]!.id;
    finance = await createActor([{ organisationId: trustId, role: "FINANCE" }]);
    programmeId = (await createProgrammeRow({ systemId, organisationId: trustId })).id;
  });

  describe("money", () => {
    it.each(BAD_MONEY)("setProgrammeTarget refuses %s on target", async (_label, target, message) => {
      const raw = { programmeId, financialYear: "2025/26", target };
      expectFieldError(
        await writesNothing(() => runAction(setProgrammeTargetSchema, setProgrammeTarget, finance, raw)),
        "VALIDATION",
        "target",
        message,
      );
    });

    it.each(BAD_MONEY)("createWorkstream refuses %s on baseline", async (_label, baseline, message) => {
      const raw = { programmeId, name: `Workstream ${uniqueToken()}`, baseline };
      expectFieldError(
        await writesNothing(() => runAction(createWorkstreamSchema, createWorkstream, finance, raw)),
        "VALIDATION",
        "baseline",
        message,
      );
    });

    it.each([
      ["a missing target", undefined, /Enter/],
      ["a number instead of text", 1000, /Enter/],
      ["an empty target", "  ", /Enter the savings target/],
    ])("setProgrammeTarget refuses %s", async (_label, target, message) => {
      const raw = { programmeId, financialYear: "2025/26", target };
      expectFieldError(
        await writesNothing(() => runAction(setProgrammeTargetSchema, setProgrammeTarget, finance, raw)),
        "VALIDATION",
        "target",
        message,
      );
    });

    it.each([
      ["2025/27", /Unknown financial year "2025\/27"/],
      ["next year", /Unknown financial year "next year"/],
    ])("setProgrammeTarget refuses financial year %j", async (financialYear, message) => {
      const raw = { programmeId, financialYear, target: "1" };
      expectFieldError(
        await writesNothing(() => runAction(setProgrammeTargetSchema, setProgrammeTarget, finance, raw)),
        "VALIDATION",
        "financialYear",
        message,
      );
    });

    it("stores pounds as exact pence, and replaces a year's target", async () => {
      const programme = await createProgrammeRow({ systemId, organisationId: trustId });
      const set = (target: string, financialYear = "2025/26") =>
        runAction(setProgrammeTargetSchema, setProgrammeTarget, finance, {
          programmeId: programme.id,
          financialYear,
          target,
        });
      expect(await set("£10,000,000,000")).toMatchObject({ ok: true });
      expect(await set("0.07", "24-25")).toMatchObject({ ok: true });
      expect(await set("1,200,000.5")).toMatchObject({ ok: true });
      const targets = await db().programmeTarget.findMany({
        where: { programmeId: programme.id },
        orderBy: { financialYear: "asc" },
      });
      expect(targets.map((t) => [t.financialYear, t.targetPence])).toEqual([
        [2024, 7n],
        [2025, 120_000_050n],
      ]);
    });

    it("createWorkstream leaves an empty baseline and target unset", async () => {
      const raw = { programmeId, name: `Workstream ${uniqueToken()}`, baseline: "", target: " " };
      const result = await runAction(createWorkstreamSchema, createWorkstream, finance, raw);
      expect(result).toMatchObject({ ok: true, data: { baselinePence: null, targetPence: null } });
    });
  });

  describe("text and types", () => {
    const validProgramme = () => ({
      owner: trustId,
      theme: "Workforce",
      name: `Programme ${uniqueToken()}`,
      objective: "Reduce agency spend",
    });

    it.each([
      [
        "a name of 201 characters",
        { name: "x".repeat(201) },
        "name",
        "The programme's name must be 200 characters or fewer",
      ],
      ["a name of 2 characters", { name: "ab" }, "name", "The programme's name must be at least 3 characters"],
      ["a blank name", { name: "   " }, "name", "Enter the programme's name"],
      ["a name that is not text", { name: 42 }, "name", "Enter the programme's name"],
      ["a theme of 121 characters", { theme: "t".repeat(121) }, "theme", "A theme must be 120 characters or fewer"],
      [
        "an objective of 4001 characters",
        { objective: "o".repeat(4001) },
        "objective",
        "The objective must be 4000 characters or fewer",
      ],
      ["an SRO of 201 characters", { sro: "s".repeat(201) }, "sro", "SRO must be 200 characters or fewer"],
      [
        "an owner that is not an id",
        { owner: "Lancashire Teaching Hospitals" },
        "owner",
        "Choose who owns the programme",
      ],
      ["an owner of the wrong type", { owner: ["a"] }, "owner", "Choose who owns the programme"],
    ])("createProgramme refuses %s", async (_label, change, field, message) => {
      const result = await writesNothing(() =>
        runAction(createProgrammeSchema, createProgramme, finance, { ...validProgramme(), ...change }),
      );
      expectFieldError(result, "VALIDATION", field, message);
    });

    it("createProgramme refuses an owner that does not exist as FORBIDDEN", async () => {
      const result = await writesNothing(() =>
        runAction(createProgrammeSchema, createProgramme, finance, { ...validProgramme(), owner: crypto.randomUUID() }),
      );
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    });

    it("createProgramme refuses a name the system already has, in any case, on name", async () => {
      const existing = await createProgrammeRow({ systemId, organisationId: null });
      const result = await writesNothing(() =>
        runAction(createProgrammeSchema, createProgramme, finance, {
          ...validProgramme(),
          name: existing.name.toLowerCase(),
        }),
      );
      expectFieldError(result, "CONFLICT", "name", "A programme with this name already exists in this system");
    });

    it("updateProgramme refuses another programme's name on name, and changes nothing", async () => {
      const existing = await createProgrammeRow({ systemId, organisationId: trustId });
      const mine = await createProgrammeRow({ systemId, organisationId: trustId });
      const raw = { programmeId: mine.id, version: 1, theme: "Workforce", name: existing.name, objective: "Objective" };
      expectFieldError(
        await writesNothing(() => runAction(updateProgrammeSchema, updateProgramme, finance, raw)),
        "CONFLICT",
        "name",
        /already exists/,
      );
      const shouting = { ...raw, name: existing.name.toUpperCase() };
      expectFieldError(
        await writesNothing(() => runAction(updateProgrammeSchema, updateProgramme, finance, shouting)),
        "CONFLICT",
        "name",
        /already exists/,
      );
      expect(await db().programme.findUniqueOrThrow({ where: { id: mine.id } })).toEqual(mine);
    });

    it.each([
      ["a version that is not a number", { version: "abc" }, "version", "Reload the page and try again"],
      ["a fractional version", { version: "1.5" }, "version", "Reload the page and try again"],
      ["a version of Infinity", { version: "Infinity" }, "version", "Reload the page and try again"],
      ["a programme id that is not a uuid", { programmeId: "1" }, "programmeId", "Choose a programme"],
      ["an objective that is null", { objective: null }, "objective", "Enter the objective"],
    ])("updateProgramme refuses %s", async (_label, change, field, message) => {
      const raw = {
        programmeId,
        version: 1,
        theme: "Workforce",
        name: `Programme ${uniqueToken()}`,
        objective: "Objective",
        ...change,
      };
      expectFieldError(
        await writesNothing(() => runAction(updateProgrammeSchema, updateProgramme, finance, raw)),
        "VALIDATION",
        field,
        message,
      );
    });

    it.each([
      [
        "a name of 201 characters",
        { name: "w".repeat(201) },
        "name",
        "The workstream's name must be 200 characters or fewer",
      ],
      [
        "a vision of 4001 characters",
        { vision: "v".repeat(4001) },
        "vision",
        "Vision must be 4000 characters or fewer",
      ],
      [
        "a case for change of 8001 characters",
        { caseForChange: "c".repeat(8001) },
        "caseForChange",
        "Case for change must be 8000 characters or fewer",
      ],
      [
        "31 objectives",
        { objectives: Array.from({ length: 31 }, (_, i) => `Objective ${i}`).join("\n") },
        "objectives",
        "At most 30 lines of objectives",
      ],
      [
        "a delivery lead of 201 characters",
        { deliveryLeads: "d".repeat(201) },
        "deliveryLeads",
        "Each line of delivery leads must be 200 characters or fewer",
      ],
      ["a target of -1", { target: "-1" }, "target", "The savings target cannot be negative"],
    ])("createWorkstream refuses %s", async (_label, change, field, message) => {
      const raw = { programmeId, name: `Workstream ${uniqueToken()}`, ...change };
      expectFieldError(
        await writesNothing(() => runAction(createWorkstreamSchema, createWorkstream, finance, raw)),
        "VALIDATION",
        field,
        message,
      );
    });

    it("createWorkstream refuses a name the programme already has, in any case", async () => {
      const existing = await createWorkstreamRow({ programmeId });
      const raw = { programmeId, name: existing.name.toUpperCase() };
      expectFieldError(
        await writesNothing(() => runAction(createWorkstreamSchema, createWorkstream, finance, raw)),
        "CONFLICT",
        "name",
        /already has a workstream/,
      );
    });

    it("updateWorkstream refuses a sibling's name, a bad baseline, and an unknown workstream", async () => {
      const sibling = await createWorkstreamRow({ programmeId });
      const mine = await createWorkstreamRow({ programmeId });
      const update = (change: Record<string, unknown>) =>
        writesNothing(() =>
          runAction(updateWorkstreamSchema, updateWorkstream, finance, {
            workstreamId: mine.id,
            version: 1,
            name: mine.name,
            ...change,
          }),
        );
      expectFieldError(await update({ name: sibling.name }), "CONFLICT", "name", /already has a workstream/);
      expectFieldError(
        await update({ name: sibling.name.toUpperCase() }),
        "CONFLICT",
        "name",
        /already has a workstream/,
      );
      expectFieldError(await update({ baseline: "£12.345" }), "VALIDATION", "baseline", /too many decimal places/);
      expect(await update({ workstreamId: crypto.randomUUID() })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await db().workstream.findUniqueOrThrow({ where: { id: mine.id } })).toEqual(mine);
    });
  });
});
