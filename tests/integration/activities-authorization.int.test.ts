import { beforeAll, describe, expect, it } from "vitest";
import { quarterIndex } from "@/lib/financial-year";
import { createActivitySchema, updateActivityProgressSchema } from "@/modules/activities/activity-schemas";
import { createActivity, updateActivityProgress } from "@/modules/activities/activity-writes";
import { db } from "@/server/db";
import { uniqueToken } from "../factories";
import {
  PROGRAMME_ACTORS,
  checkMatrixCell,
  createActivityRow,
  createProgrammeRow,
  createProgrammeWorld,
  outcomes,
  type MatrixSpec,
  type ProgrammeWorld,
} from "../factories/programmes";
import { runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * createActivity is programme.manage (finance/PMO and administrators of the owner; the ICB's
 * for a system programme). updateActivityProgress is also open to a LEAD linked to one of the
 * activity's leads ("activity.update.own"); being linked as a board member is not enough.
 */

let w: ProgrammeWorld;

const EXPECTED = {
  createActivity: {
    "trust programme": outcomes(
      ["FINANCE at the trust", "ADMIN at the trust", "FINANCE at the ICB, system-wide"],
      [
        "FINANCE at the ICB, not system-wide",
        "FINANCE at another trust of the system",
        "FINANCE at another system's ICB, system-wide",
      ],
    ),
    "system programme": outcomes(
      ["FINANCE at the ICB, system-wide", "FINANCE at the ICB, not system-wide"],
      ["FINANCE at another system's ICB, system-wide"],
    ),
  },
  updateActivityProgress: {
    "trust programme": outcomes(
      [
        "FINANCE at the trust",
        "ADMIN at the trust",
        "FINANCE at the ICB, system-wide",
        "LEAD at the trust, linked to the activity's lead",
      ],
      [
        "FINANCE at the ICB, not system-wide",
        "FINANCE at another trust of the system",
        "FINANCE at another system's ICB, system-wide",
      ],
    ),
    "system programme": outcomes(
      [
        "FINANCE at the ICB, system-wide",
        "FINANCE at the ICB, not system-wide",
        "LEAD at the trust, linked to the activity's lead",
      ],
      ["FINANCE at another system's ICB, system-wide"],
    ),
  },
};
type OwnerKind = "trust programme" | "system programme";
const newProgramme = (kind: OwnerKind) =>
  createProgrammeRow({ systemId: w.systemId, organisationId: kind === "trust programme" ? w.trustId : null });

const Q4_2025 = quarterIndex({ fy: 2025, q: 4 });

function createActivitySpec(kind: OwnerKind): MatrixSpec {
  return {
    name: `createActivity (${kind})`,
    expected: EXPECTED.createActivity[kind],
    action: "activity.create",
    entityType: "activity",
    changes: { activity: 1, activity_lead: 2, audit_event: 1 },
    prepare: async () => {
      const programme = await newProgramme(kind);
      return {
        organisationId: programme.organisationId,
        raw: {
          programmeId: programme.id,
          number: "1.2",
          description: "Review all continuing covid costs",
          timescale: "Q4 25-26",
          leadIds: [w.ownLeadId, w.boardLeadId],
          deliverables: "Cost review\n\nPaper to board",
        },
        snapshot: () => db().activity.findMany({ where: { programmeId: programme.id }, include: { leads: true } }),
        verify: async ({ entityId }) => {
          const activity = await db().activity.findUniqueOrThrow({ where: { id: entityId }, include: { leads: true } });
          expect(activity).toMatchObject({
            programmeId: programme.id,
            number: "1.2",
            sequence: 1,
            startQuarter: Q4_2025,
            endQuarter: Q4_2025,
            status: "NOT_STARTED",
            deliverables: ["Cost review", "Paper to board"],
            version: 1,
          });
          expect(activity.leads.map((l) => l.leadId).sort()).toEqual([w.ownLeadId, w.boardLeadId].sort());
        },
      };
    },
    run: (actor, raw) =>
      runAction(
        createActivitySchema,
        async (a, input) => ({ entityId: (await createActivity(a, input)).id }),
        actor,
        raw,
      ),
  };
}

function updateActivityProgressSpec(kind: OwnerKind): MatrixSpec {
  return {
    name: `updateActivityProgress (${kind})`,
    expected: EXPECTED.updateActivityProgress[kind],
    action: "activity.progress",
    entityType: "activity",
    changes: { audit_event: 1 },
    prepare: async () => {
      const programme = await newProgramme(kind);
      const activity = await createActivityRow({
        programmeId: programme.id,
        leadIds: [w.ownLeadId, w.boardLeadId],
        startQuarter: Q4_2025,
      });
      return {
        organisationId: programme.organisationId,
        raw: { activityId: activity.id, version: 1, status: "AT_RISK", deliverables: `Deliverable ${uniqueToken()}` },
        snapshot: () => db().activity.findUniqueOrThrow({ where: { id: activity.id }, include: { leads: true } }),
        verify: async () => {
          const after = await db().activity.findUniqueOrThrow({ where: { id: activity.id } });
          expect(after).toMatchObject({
            status: "AT_RISK",
            version: 2,
            startQuarter: Q4_2025,
            description: activity.description,
          });
          expect(after.deliverables).toHaveLength(1);
        },
      };
    },
    run: (actor, raw) =>
      runAction(
        updateActivityProgressSchema,
        async (a, input) => ({ entityId: (await updateActivityProgress(a, input)).id }),
        actor,
        raw,
      ),
  };
}

const KINDS: OwnerKind[] = ["trust programme", "system programme"];
const SPECS = [...KINDS.map(createActivitySpec), ...KINDS.map(updateActivityProgressSpec)];

describe("activity writes: authorization", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createProgrammeWorld();
  });

  describe.each(SPECS)("$name", (spec) => {
    it.each(PROGRAMME_ACTORS.map((key) => [key, spec.expected[key]] as const))("%s: %s", async (key, expected) => {
      await checkMatrixCell(spec, w.actors[key], expected);
    });
  });

  it("a linked lead may not edit an activity once their lead is taken off it", async () => {
    const programme = await newProgramme("trust programme");
    const activity = await createActivityRow({ programmeId: programme.id, leadIds: [w.ownLeadId] });
    await db().activityLead.deleteMany({ where: { activityId: activity.id } });
    const raw = { activityId: activity.id, version: 1, status: "DONE" };
    const actor = w.actors["LEAD at the trust, linked to the activity's lead"];
    expect(await runAction(updateActivityProgressSchema, updateActivityProgress, actor, raw)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await db().activity.findUniqueOrThrow({ where: { id: activity.id } })).toMatchObject({
      status: "NOT_STARTED",
      version: 1,
    });
  });
});
