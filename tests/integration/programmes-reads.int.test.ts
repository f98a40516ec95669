import { beforeAll, describe, expect, it } from "vitest";
import type { ActivityStatus } from "@/generated/prisma/enums";
import { findProgrammes, getProgramme, getWorkstream } from "@/modules/programmes/find-programmes";
import { getKpi } from "@/modules/kpis/get-kpi";
import { db } from "@/server/db";
import {
  PROGRAMME_ACTORS,
  createActivityRow,
  createKpiRow,
  createProgrammeRow,
  createProgrammeWorld,
  createWorkstreamRow,
  type ProgrammeActorKey,
  type ProgrammeWorld,
} from "../factories/programmes";
import { useTestDatabase } from "../helpers/test-database";

/**
 * findProgrammes: the programmes the actor may see (their organisations' own, and their
 * systems' shared ones), each with its target for the year and activity counts by status.
 */

let w: ProgrammeWorld;
const P = {} as Record<
  "trust" | "system" | "otherTrust" | "icb" | "otherSystem",
  { id: string; workstreamId: string; kpiId: string }
>;

const STATUSES: Record<keyof typeof P, ActivityStatus[]> = {
  trust: ["DONE", "DONE", "LATE", "NOT_STARTED", "AT_RISK", "DONE"],
  system: ["ON_TRACK", "ON_TRACK"],
  otherTrust: ["LATE"],
  icb: [],
  otherSystem: ["DONE"],
};

/** Who sees which programme (by key) in the world below. */
const VISIBLE: Record<ProgrammeActorKey, (keyof typeof P)[]> = {
  "FINANCE at the trust": ["trust", "system"],
  "LEAD at the trust, linked to the activity's lead": ["trust", "system"],
  "LEAD at the trust, linked to another lead": ["trust", "system"],
  "CLINICAL_APPROVER at the trust": ["trust", "system"],
  "BOARD at the trust, linked to a second lead of the activity": ["trust", "system"],
  "ADMIN at the trust": ["trust", "system"],
  "FINANCE at the ICB, system-wide": ["trust", "system", "otherTrust", "icb"],
  "FINANCE at the ICB, not system-wide": ["system", "icb"],
  "FINANCE at another trust of the system": ["system", "otherTrust"],
  "FINANCE at another system's ICB, system-wide": ["otherSystem"],
};

describe("findProgrammes and the programme reads", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createProgrammeWorld();
    const owners: Record<keyof typeof P, [string, string | null]> = {
      trust: [w.systemId, w.trustId],
      system: [w.systemId, null],
      otherTrust: [w.systemId, w.otherTrustId],
      icb: [w.systemId, w.icbId],
      otherSystem: [w.otherSystemId, null],
    };
    for (const key of Object.keys(owners) as (keyof typeof P)[]) {
      const [systemId, organisationId] = owners[key];
      const programme = await createProgrammeRow({ systemId, organisationId, theme: `Theme ${key}` });
      const workstream = await createWorkstreamRow({ programmeId: programme.id });
      const kpi = await createKpiRow({ programmeId: programme.id, ownerLeadId: w.ownLeadId });
      P[key] = { id: programme.id, workstreamId: workstream.id, kpiId: kpi.id };
      for (const status of STATUSES[key])
        await createActivityRow({ programmeId: programme.id, status, leadIds: [w.ownLeadId] });
    }
    await db().programmeTarget.createMany({
      data: [
        { programmeId: P.trust.id, financialYear: 2025, targetPence: 123_456_789n },
        { programmeId: P.trust.id, financialYear: 2024, targetPence: 1n },
        { programmeId: P.system.id, financialYear: 2024, targetPence: 5n },
      ],
    });
  });

  it.each(PROGRAMME_ACTORS.map((key) => [key, VISIBLE[key]] as const))("%s sees exactly %j", async (key, expected) => {
    const found = await findProgrammes(w.actors[key], 2025);
    expect(found.map((p) => p.id).sort()).toEqual(expected.map((k) => P[k].id).sort());
  });

  it("counts activities by status exactly as the rows say", async () => {
    const found = await findProgrammes(w.actors["FINANCE at the ICB, system-wide"], 2025);
    for (const summary of found) {
      const rows = await db().activity.findMany({ where: { programmeId: summary.id }, select: { status: true } });
      const counted: Partial<Record<ActivityStatus, number>> = {};
      for (const r of rows) counted[r.status] = (counted[r.status] ?? 0) + 1;
      expect(summary.statusCounts).toEqual(counted);
      expect(summary.activityCount).toBe(rows.length);
    }
    const trust = found.find((p) => p.id === P.trust.id);
    expect(trust).toMatchObject({
      statusCounts: { DONE: 3, LATE: 1, NOT_STARTED: 1, AT_RISK: 1 },
      activityCount: 6,
      targetPence: 123_456_789,
    });
    expect(found.find((p) => p.id === P.icb.id)).toMatchObject({
      statusCounts: {},
      activityCount: 0,
      targetPence: null,
    });
  });

  it("gives the target of the year asked for, or none", async () => {
    const finance = w.actors["FINANCE at the trust"];
    const targets = async (fy: number) =>
      Object.fromEntries((await findProgrammes(finance, fy)).map((p) => [p.id, p.targetPence]));
    expect(await targets(2025)).toEqual({ [P.trust.id]: 123_456_789, [P.system.id]: null });
    expect(await targets(2024)).toEqual({ [P.trust.id]: 1, [P.system.id]: 5 });
    expect(await targets(2023)).toEqual({ [P.trust.id]: null, [P.system.id]: null });
  });

  it("names a system programme's owner as the system", async () => {
    const found = await findProgrammes(w.actors["FINANCE at another trust of the system"], 2025);
    const system = await db().healthSystem.findUniqueOrThrow({ where: { id: w.systemId } });
    expect(found.find((p) => p.id === P.system.id)?.ownerName).toBe(`${system.name} system`);
  });

  it.each(PROGRAMME_ACTORS.map((key) => [key, VISIBLE[key]] as const))(
    "%s can open exactly the programmes, workstreams and KPIs they can list",
    async (key, visible) => {
      const actor = w.actors[key];
      for (const programmeKey of Object.keys(P) as (keyof typeof P)[]) {
        const { id, workstreamId, kpiId } = P[programmeKey];
        const reads = [
          () => getProgramme(actor, id),
          () => getWorkstream(actor, workstreamId),
          () => getKpi(actor, kpiId),
        ];
        if (visible.includes(programmeKey)) {
          for (const read of reads) await expect(read()).resolves.toBeTruthy();
        } else {
          for (const read of reads) await expect(read()).rejects.toMatchObject({ code: "NOT_FOUND" });
        }
      }
    },
  );
});
