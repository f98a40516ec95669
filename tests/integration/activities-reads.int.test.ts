import { beforeAll, describe, expect, it } from "vitest";
import { quarterIndex } from "@/lib/financial-year";
import { findActivities } from "@/modules/activities/find-activities";
import { db } from "@/server/db";
import {
  createActivityRow,
  createLeadRow,
  createProgrammeRow,
  createProgrammeWorld,
  type ProgrammeActorKey,
  type ProgrammeWorld,
} from "../factories/programmes";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The route map and "My activities": findActivities scopes to what the actor may see,
 * `mine` keeps the activities one of whose leads is linked to the actor, and `overdue`
 * is worked out for the date passed in.
 */

let w: ProgrammeWorld;
const ids = {} as Record<string, string>;
const ASOF = new Date(Date.UTC(2026, 0, 15));
const q = (fy: number, n: 1 | 2 | 3 | 4) => quarterIndex({ fy, q: n });

describe("findActivities", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createProgrammeWorld();
    const trustProgramme = await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId, theme: "A" });
    const systemProgramme = await createProgrammeRow({ systemId: w.systemId, organisationId: null, theme: "B" });
    const otherTrustProgramme = await createProgrammeRow({ systemId: w.systemId, organisationId: w.otherTrustId });
    const otherSystemProgramme = await createProgrammeRow({ systemId: w.otherSystemId, organisationId: w.otherIcbId });
    // A lead of the other system linked to our lead user, which only the database could do.
    const strayLead = await createLeadRow({
      systemId: w.otherSystemId,
      userId: w.actors["LEAD at the trust, linked to the activity's lead"].userId,
    });
    const add = async (key: string, programmeId: string, leadIds: string[]) => {
      ids[key] = (await createActivityRow({ programmeId, leadIds })).id;
    };
    await add("trust, own lead", trustProgramme.id, [w.ownLeadId]);
    await add("trust, another lead", trustProgramme.id, [w.otherLeadId]);
    await add("trust, own and board leads", trustProgramme.id, [w.boardLeadId, w.ownLeadId]);
    await add("trust, no lead", trustProgramme.id, []);
    await add("system, own lead", systemProgramme.id, [w.ownLeadId]);
    await add("system, board lead", systemProgramme.id, [w.boardLeadId]);
    await add("other trust, own lead", otherTrustProgramme.id, [w.ownLeadId]);
    await add("other system, stray lead", otherSystemProgramme.id, [strayLead.id]);
  });

  const keysOf = (rows: { id: string }[]) =>
    rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.id) ?? r.id).sort();

  it.each<[ProgrammeActorKey, string[]]>([
    [
      "LEAD at the trust, linked to the activity's lead",
      ["system, own lead", "trust, own and board leads", "trust, own lead"],
    ],
    [
      "BOARD at the trust, linked to a second lead of the activity",
      ["system, board lead", "trust, own and board leads"],
    ],
    ["LEAD at the trust, linked to another lead", ["trust, another lead"]],
    ["FINANCE at the trust", []],
    ["FINANCE at the ICB, system-wide", []],
  ])("mine: %s gets exactly their own activities, across programmes", async (key, expected) => {
    expect(keysOf(await findActivities(w.actors[key], { mine: true }, ASOF))).toEqual(expected.sort());
  });

  it.each<[ProgrammeActorKey, string[]]>([
    [
      "FINANCE at the trust",
      [
        "system, board lead",
        "system, own lead",
        "trust, another lead",
        "trust, no lead",
        "trust, own and board leads",
        "trust, own lead",
      ],
    ],
    ["FINANCE at another trust of the system", ["other trust, own lead", "system, board lead", "system, own lead"]],
    ["FINANCE at the ICB, not system-wide", ["system, board lead", "system, own lead"]],
    ["FINANCE at another system's ICB, system-wide", ["other system, stray lead"]],
  ])("without mine: %s sees their organisations' and their system's activities only", async (key, expected) => {
    expect(keysOf(await findActivities(w.actors[key], {}, ASOF))).toEqual(expected.sort());
  });

  it("combines mine with a lead and a programme filter", async () => {
    const actor = w.actors["LEAD at the trust, linked to the activity's lead"];
    expect(keysOf(await findActivities(actor, { mine: true, leadId: w.boardLeadId }, ASOF))).toEqual([]);
    expect(keysOf(await findActivities(actor, { leadId: w.boardLeadId }, ASOF))).toEqual([
      "system, board lead",
      "trust, own and board leads",
    ]);
    const trustProgrammeId = (await db().activity.findUniqueOrThrow({ where: { id: ids["trust, own lead"]! } }))
      .programmeId;
    expect(keysOf(await findActivities(actor, { mine: true, programmeId: trustProgrammeId }, ASOF))).toEqual([
      "trust, own and board leads",
      "trust, own lead",
    ]);
  });

  describe("overdue", () => {
    let programmeId: string;
    const JUST_BEFORE = new Date(Date.UTC(2021, 11, 31, 23, 59, 59, 999));
    const NEW_YEAR = new Date(Date.UTC(2022, 0, 1));
    const CASES = [
      // label, start, end, status, overdue on 31 Dec 2021, overdue on 1 Jan 2022
      ["Q3 2021/22, not started", q(2021, 3), q(2021, 3), "NOT_STARTED", false, true],
      ["Q3 2021/22, on track", q(2021, 3), q(2021, 3), "ON_TRACK", false, true],
      ["Q3 2021/22, at risk", q(2021, 3), q(2021, 3), "AT_RISK", false, true],
      ["Q3 2021/22, late", q(2021, 3), q(2021, 3), "LATE", false, true],
      ["Q3 2021/22, done", q(2021, 3), q(2021, 3), "DONE", false, false],
      ["Q2 2021/22, done", q(2021, 2), q(2021, 2), "DONE", false, false],
      ["Q2 2021/22, on track", q(2021, 2), q(2021, 2), "ON_TRACK", true, true],
      ["Q4 2021/22, not started", q(2021, 4), q(2021, 4), "NOT_STARTED", false, false],
      ["Q1 – Q3 2021/22, late", q(2021, 1), q(2021, 3), "LATE", false, true],
      ["Q3 2021/22 – Q1 2022/23, late", q(2021, 3), q(2022, 1), "LATE", false, false],
      ["Ongoing, not started", null, null, "NOT_STARTED", false, false],
      ["Ongoing, late", null, null, "LATE", false, false],
    ] as const;

    beforeAll(async () => {
      programmeId = (await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId })).id;
      for (const [description, startQuarter, endQuarter, status] of CASES) {
        await createActivityRow({ programmeId, description, startQuarter, endQuarter, status, leadIds: [w.ownLeadId] });
      }
    });

    it.each(CASES)("%s", async (description, _start, _end, _status, beforeNewYear, onNewYear) => {
      const actor = w.actors["LEAD at the trust, linked to the activity's lead"];
      const overdueOn = async (asOf: Date) => {
        const rows = await findActivities(actor, { programmeId, mine: true }, asOf);
        return rows.find((r) => r.description === description)?.overdue;
      };
      expect(await overdueOn(JUST_BEFORE)).toBe(beforeNewYear);
      expect(await overdueOn(NEW_YEAR)).toBe(onNewYear);
    });
  });
});
