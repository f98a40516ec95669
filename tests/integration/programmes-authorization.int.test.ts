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
import { db } from "@/server/db";
import { uniqueToken } from "../factories";
import {
  PROGRAMME_ACTORS,
  checkMatrixCell,
  createProgrammeRow,
  createProgrammeWorld,
  createWorkstreamRow,
  outcomes,
  type MatrixSpec,
  type ProgrammeWorld,
} from "../factories/programmes";
import { runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Who may create and change programmes and workstreams (programme.manage: finance/PMO and
 * administrators at the owning organisation, or at the system's ICB for a system programme).
 * Users who cannot see the programme get NOT_FOUND, so ids of other organisations reveal nothing.
 */

let w: ProgrammeWorld;

/** Who manages a programme of each owner, and who cannot even see it. */
const MANAGE = {
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
};
type OwnerKind = keyof typeof MANAGE;
const ownerOf = (kind: OwnerKind) => (kind === "trust programme" ? w.trustId : null);
const newProgramme = (kind: OwnerKind) => createProgrammeRow({ systemId: w.systemId, organisationId: ownerOf(kind) });

const programmeState = (id: string) => () =>
  db().programme.findUniqueOrThrow({ where: { id }, include: { targets: true, workstreams: true } });

function createProgrammeSpec(kind: OwnerKind): MatrixSpec {
  return {
    name: `createProgramme (owner = ${kind === "trust programme" ? "the trust" : '"system:<id>"'})`,
    expected:
      kind === "trust programme"
        ? outcomes(["FINANCE at the trust", "ADMIN at the trust", "FINANCE at the ICB, system-wide"])
        : outcomes(["FINANCE at the ICB, system-wide", "FINANCE at the ICB, not system-wide"]),
    action: "programme.create",
    entityType: "programme",
    changes: { programme: 1, audit_event: 1 },
    prepare: async () => {
      const name = `New programme ${uniqueToken()}`;
      return {
        organisationId: ownerOf(kind),
        raw: {
          owner: kind === "trust programme" ? w.trustId : `system:${w.systemId}`,
          theme: "Workforce",
          name,
          objective: "Reduce premium pay",
        },
        snapshot: () => db().programme.count({ where: { name } }),
        verify: async ({ entityId }) => {
          const programme = await db().programme.findUniqueOrThrow({ where: { id: entityId } });
          expect(programme).toMatchObject({
            name,
            systemId: w.systemId,
            organisationId: ownerOf(kind),
            theme: "Workforce",
            version: 1,
          });
        },
      };
    },
    run: (actor, raw) =>
      runAction(
        createProgrammeSchema,
        async (a, input) => ({ entityId: (await createProgramme(a, input)).id }),
        actor,
        raw,
      ),
  };
}

function updateProgrammeSpec(kind: OwnerKind): MatrixSpec {
  return {
    name: `updateProgramme (${kind})`,
    expected: MANAGE[kind],
    action: "programme.update",
    entityType: "programme",
    changes: { audit_event: 1 },
    prepare: async () => {
      const programme = await newProgramme(kind);
      const name = `Renamed ${uniqueToken()}`;
      return {
        organisationId: programme.organisationId,
        raw: {
          programmeId: programme.id,
          version: "1",
          theme: "New theme",
          name,
          objective: "New objective",
          sro: "Chief Operating Officer",
        },
        snapshot: programmeState(programme.id),
        verify: async () => {
          const after = await db().programme.findUniqueOrThrow({ where: { id: programme.id } });
          expect(after).toMatchObject({
            name,
            theme: "New theme",
            objective: "New objective",
            sro: "Chief Operating Officer",
            version: 2,
          });
        },
      };
    },
    run: (actor, raw) =>
      runAction(
        updateProgrammeSchema,
        async (a, input) => ({ entityId: (await updateProgramme(a, input)).id }),
        actor,
        raw,
      ),
  };
}

function setProgrammeTargetSpec(kind: OwnerKind): MatrixSpec {
  return {
    name: `setProgrammeTarget (${kind})`,
    expected: MANAGE[kind],
    action: "programme.target.set",
    entityType: "programme",
    changes: { programme_target: 1, audit_event: 1 },
    prepare: async () => {
      const programme = await newProgramme(kind);
      return {
        organisationId: programme.organisationId,
        raw: { programmeId: programme.id, financialYear: "2025/26", target: "£1,234,567.89" },
        snapshot: programmeState(programme.id),
        verify: async () => {
          const targets = await db().programmeTarget.findMany({ where: { programmeId: programme.id } });
          expect(targets).toEqual([{ programmeId: programme.id, financialYear: 2025, targetPence: 123_456_789n }]);
        },
      };
    },
    run: (actor, raw) =>
      runAction(
        setProgrammeTargetSchema,
        async (a, input) => ({ entityId: (await setProgrammeTarget(a, input)).programmeId }),
        actor,
        raw,
      ),
  };
}

function createWorkstreamSpec(kind: OwnerKind): MatrixSpec {
  return {
    name: `createWorkstream (${kind})`,
    expected: MANAGE[kind],
    action: "workstream.create",
    entityType: "workstream",
    changes: { workstream: 1, audit_event: 1 },
    prepare: async () => {
      const programme = await newProgramme(kind);
      return {
        organisationId: programme.organisationId,
        raw: {
          programmeId: programme.id,
          name: "Bank & agency",
          objectives: "Cut agency spend\nGrow the bank",
          baseline: "196,000,000",
          target: "8.6",
        },
        snapshot: programmeState(programme.id),
        verify: async ({ entityId }) => {
          expect(await db().workstream.findUniqueOrThrow({ where: { id: entityId } })).toMatchObject({
            programmeId: programme.id,
            number: 1,
            name: "Bank & agency",
            objectives: ["Cut agency spend", "Grow the bank"],
            baselinePence: 19_600_000_000n,
            targetPence: 860n,
          });
        },
      };
    },
    run: (actor, raw) =>
      runAction(
        createWorkstreamSchema,
        async (a, input) => ({ entityId: (await createWorkstream(a, input)).id }),
        actor,
        raw,
      ),
  };
}

function updateWorkstreamSpec(kind: OwnerKind): MatrixSpec {
  return {
    name: `updateWorkstream (${kind})`,
    expected: MANAGE[kind],
    action: "workstream.update",
    entityType: "workstream",
    changes: { audit_event: 1 },
    prepare: async () => {
      const programme = await newProgramme(kind);
      const workstream = await createWorkstreamRow({ programmeId: programme.id, number: 1 });
      return {
        organisationId: programme.organisationId,
        raw: { workstreamId: workstream.id, version: "1", name: "Pathology", target: "3,500,000" },
        snapshot: programmeState(programme.id),
        verify: async () => {
          expect(await db().workstream.findUniqueOrThrow({ where: { id: workstream.id } })).toMatchObject({
            name: "Pathology",
            targetPence: 350_000_000n,
            baselinePence: null,
            version: 2,
          });
        },
      };
    },
    run: (actor, raw) =>
      runAction(
        updateWorkstreamSchema,
        async (a, input) => ({ entityId: (await updateWorkstream(a, input)).id }),
        actor,
        raw,
      ),
  };
}

// The target and workstream writes share updateProgramme's check (loadManageableProgramme), so
// the system-programme column is run for updateProgramme only.
const KINDS: OwnerKind[] = ["trust programme", "system programme"];
const SPECS: MatrixSpec[] = [
  ...KINDS.map(createProgrammeSpec),
  ...KINDS.map(updateProgrammeSpec),
  setProgrammeTargetSpec("trust programme"),
  createWorkstreamSpec("trust programme"),
  updateWorkstreamSpec("trust programme"),
];

describe("programme and workstream writes: authorization", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createProgrammeWorld();
  });

  describe.each(SPECS)("$name", (spec) => {
    it.each(PROGRAMME_ACTORS.map((key) => [key, spec.expected[key]] as const))("%s: %s", async (key, expected) => {
      await checkMatrixCell(spec, w.actors[key], expected);
    });
  });

  it("refuses a system-wide owner to someone who manages the ICB of another system", async () => {
    const actor = w.actors["FINANCE at another system's ICB, system-wide"];
    const raw = {
      owner: `system:${w.systemId}`,
      theme: "Workforce",
      name: `Intruder ${uniqueToken()}`,
      objective: "Take over",
    };
    expect(await runAction(createProgrammeSchema, createProgramme, actor, raw)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    // ...while their own system is fine.
    const own = { ...raw, owner: `system:${w.otherSystemId}` };
    expect(await runAction(createProgrammeSchema, createProgramme, actor, own)).toMatchObject({ ok: true });
  });

  it("answers NOT_FOUND, not FORBIDDEN, for a programme id that does not exist", async () => {
    const raw = { programmeId: "00000000-0000-4000-8000-000000000000", financialYear: "2025/26", target: "1" };
    expect(
      await runAction(setProgrammeTargetSchema, setProgrammeTarget, w.actors["FINANCE at the trust"], raw),
    ).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });
});
