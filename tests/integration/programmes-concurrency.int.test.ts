import { beforeAll, describe, expect, it } from "vitest";
import { updateActivityProgressSchema } from "@/modules/activities/activity-schemas";
import { updateActivityProgress } from "@/modules/activities/activity-writes";
import { recordKpiActualSchema } from "@/modules/kpis/kpi-schemas";
import { recordKpiActual } from "@/modules/kpis/record-kpi-actual";
import { updateProgrammeSchema, updateWorkstreamSchema } from "@/modules/programmes/programme-schemas";
import { updateProgramme } from "@/modules/programmes/update-programme";
import { updateWorkstream } from "@/modules/programmes/workstream-writes";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { uniqueToken } from "../factories";
import {
  countChanges,
  createActivityRow,
  createKpiRow,
  createProgrammeRow,
  createProgrammeWorld,
  createWorkstreamRow,
  type ProgrammeWorld,
} from "../factories/programmes";
import { auditEventsAfter, lastAuditId, rowCounts, runAction, type ActionResult } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Optimistic concurrency: every edit names the version the user loaded. An edit of an older
 * version is STALE and changes nothing; of two simultaneous edits of one version, one wins.
 */

let w: ProgrammeWorld;
const NOW = new Date(Date.UTC(2025, 5, 15));

interface Target {
  /** The row's current state, to compare before and after a refused edit. */
  state: () => Promise<unknown>;
  /** An edit of `version`; `n` makes each edit's content different. */
  edit: (actor: Actor, version: number, n: number) => Promise<ActionResult<unknown>>;
  action: string;
}

const TARGETS: Record<string, () => Promise<Target>> = {
  updateProgramme: async () => {
    const programme = await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId });
    return {
      action: "programme.update",
      state: () => db().programme.findUniqueOrThrow({ where: { id: programme.id } }),
      edit: (actor, version, n) =>
        runAction(updateProgrammeSchema, updateProgramme, actor, {
          programmeId: programme.id,
          version,
          theme: "Theme",
          name: `${programme.name} v${n}`,
          objective: `Objective ${n}`,
        }),
    };
  },
  updateWorkstream: async () => {
    const programme = await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId });
    const workstream = await createWorkstreamRow({ programmeId: programme.id, number: 1 });
    return {
      action: "workstream.update",
      state: () => db().workstream.findUniqueOrThrow({ where: { id: workstream.id } }),
      edit: (actor, version, n) =>
        runAction(updateWorkstreamSchema, updateWorkstream, actor, {
          workstreamId: workstream.id,
          version,
          name: `Workstream ${uniqueToken()}`,
          target: `${n}`,
        }),
    };
  },
  updateActivityProgress: async () => {
    const programme = await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId });
    const activity = await createActivityRow({ programmeId: programme.id, leadIds: [w.ownLeadId] });
    return {
      action: "activity.progress",
      state: () => db().activity.findUniqueOrThrow({ where: { id: activity.id } }),
      edit: (actor, version, n) =>
        runAction(updateActivityProgressSchema, updateActivityProgress, actor, {
          activityId: activity.id,
          version,
          status: n % 2 ? "ON_TRACK" : "AT_RISK",
          deliverables: `Deliverable ${n}`,
        }),
    };
  },
  recordKpiActual: async () => {
    const programme = await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId });
    const kpi = await createKpiRow({ programmeId: programme.id, ownerLeadId: w.ownLeadId });
    return {
      action: "kpi.actual.record",
      state: () => db().kpi.findUniqueOrThrow({ where: { id: kpi.id }, include: { points: true } }),
      edit: (actor, version, n) =>
        runAction(recordKpiActualSchema, (a, input) => recordKpiActual(a, input, NOW), actor, {
          kpiId: kpi.id,
          version,
          financialYear: "2025/26",
          month: "1",
          actual: `${n}`,
        }),
    };
  },
};

describe("optimistic concurrency", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createProgrammeWorld();
  });

  describe.each(Object.keys(TARGETS))("%s", (name) => {
    it("refuses an edit of an older version with STALE, changing nothing", async () => {
      const target = await TARGETS[name]!();
      const finance = w.actors["FINANCE at the trust"];
      expect(await target.edit(finance, 1, 1)).toMatchObject({ ok: true });
      const state = await target.state();
      const counts = await rowCounts();
      const lastId = await lastAuditId();
      const result = await target.edit(w.actors["FINANCE at the ICB, system-wide"], 1, 2);
      expect(result).toMatchObject({
        ok: false,
        code: "STALE",
        message: expect.stringMatching(/changed by someone else since you opened it/),
      });
      expect(await target.state()).toEqual(state);
      expect(await rowCounts()).toEqual(counts);
      expect(await auditEventsAfter(lastId)).toEqual([]);
      // A version from the future is no better.
      expect(await target.edit(finance, 99, 3)).toMatchObject({ ok: false, code: "STALE" });
      // The current version goes through.
      expect(await target.edit(finance, 2, 4)).toMatchObject({ ok: true });
    });

    it("lets exactly one of two simultaneous edits of one version through", async () => {
      const target = await TARGETS[name]!();
      const counts = await rowCounts();
      const lastId = await lastAuditId();
      const results = await Promise.all([
        target.edit(w.actors["FINANCE at the trust"], 1, 1),
        target.edit(
          name === "updateProgramme" || name === "updateWorkstream"
            ? w.actors["ADMIN at the trust"]
            : w.actors["LEAD at the trust, linked to the activity's lead"],
          1,
          2,
        ),
      ]);
      expect(results.map((r) => (r.ok ? "ok" : r.code)).sort()).toEqual(["STALE", "ok"]);
      const events = await auditEventsAfter(lastId);
      expect(events.map((e) => e.action)).toEqual([target.action]);
      expect(await target.state()).toMatchObject({ version: 2 });
      const changes = countChanges(counts, await rowCounts());
      expect(changes).toEqual(name === "recordKpiActual" ? { kpi_point: 1, audit_event: 1 } : { audit_event: 1 });
    });
  });

  it("updateActivityProgress: of two simultaneous saves, the winner's status is stored", async () => {
    const programme = await createProgrammeRow({ systemId: w.systemId, organisationId: w.trustId });
    const activity = await createActivityRow({ programmeId: programme.id, leadIds: [w.ownLeadId] });
    const save = (actor: Actor, status: string) =>
      runAction(updateActivityProgressSchema, updateActivityProgress, actor, {
        activityId: activity.id,
        version: 1,
        status,
      });
    const [lead, finance] = await Promise.all([
      save(w.actors["LEAD at the trust, linked to the activity's lead"], "DONE"),
      save(w.actors["FINANCE at the trust"], "LATE"),
    ]);
    expect([lead.ok, finance.ok].filter(Boolean)).toHaveLength(1);
    const after = await db().activity.findUniqueOrThrow({ where: { id: activity.id } });
    expect(after).toMatchObject({ version: 2, status: lead.ok ? "DONE" : "LATE" });
  });
});
