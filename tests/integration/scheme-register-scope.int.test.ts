import { beforeAll, describe, expect, it } from "vitest";
import { identifiedByStage, schemeFigureScope } from "@/modules/dashboards/scheme-figures";
import { findSchemeRegister, findSchemeRegisterOptions } from "@/modules/schemes/register/find-scheme-register";
import { parseSchemeRegisterQuery } from "@/modules/schemes/register/register-filter";
import type { Actor } from "@/server/auth/actor";
import { actorFor, createActor } from "../factories";
import { createRegisterFixture } from "../factories/scheme-rows";
import { useTestDatabase } from "../helpers/test-database";

/**
 * Who sees which schemes in the register and its totals: trust users see their own trust, the
 * ICB's system-wide office sees the whole system, nobody sees another system.
 */

const NOW = new Date("2025-09-15T10:00:00.000Z");
let fx: Awaited<ReturnType<typeof createRegisterFixture>>;

async function keys(actor: Actor, raw: Record<string, string> = {}) {
  const r = await findSchemeRegister(actor, parseSchemeRegisterQuery({ stage: "ALL", ...raw }, NOW), NOW);
  return {
    keys: r.rows.map((row) => fx.keyOf.get(row.id) ?? row.id),
    count: r.totals.count,
    inYear: r.totals.inYearPence,
  };
}

const T1_KEYS = ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"];
const T2_KEYS = ["s9", "s10", "s11", "s12", "s13", "s14", "s15"];

describe("scheme register scope", () => {
  useTestDatabase();

  beforeAll(async () => {
    fx = await createRegisterFixture();
  });

  it("an ICB system-wide finance user sees every scheme of the system, and none of another system", async () => {
    const actor = await createActor([{ organisationId: fx.org.ICB, role: "FINANCE", systemWide: true }]);
    const r = await keys(actor);
    expect(r.keys).toEqual([...T1_KEYS, ...T2_KEYS]);
    expect(r.inYear).toBe(331_972_286);
    expect((await keys(actor, { q: "theatre scheme elsewhere" })).count).toBe(0);
  });

  it("a trust user sees only their trust's schemes, and totals only those", async () => {
    const t1Finance = await createActor([{ organisationId: fx.org.T1, role: "FINANCE" }]);
    expect(await keys(t1Finance)).toEqual({ keys: T1_KEYS, count: 8, inYear: 214_250_063 });
    const t2Lead = await actorFor(fx.lead.L3);
    expect(await keys(t2Lead)).toEqual({ keys: T2_KEYS, count: 7, inYear: 117_722_223 });
  });

  it("filtering by another trust's organisation gives nothing, not that trust's schemes", async () => {
    const t1Board = await createActor([{ organisationId: fx.org.T1, role: "BOARD" }]);
    expect(await keys(t1Board, { organisation: fx.org.T2 })).toEqual({ keys: [], count: 0, inYear: 0 });
    expect(await keys(t1Board, { workstream: fx.workstream.W3 })).toMatchObject({ keys: ["s5"] });
    expect(await keys(t1Board, { lead: fx.lead.L3 })).toMatchObject({ keys: [], count: 0 });
    expect((await identifiedByStage(schemeFigureScope(t1Board, fx.org.T2), 2025)).map((s) => s.count)).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it("an ICB user without the system-wide flag sees only the ICB's own schemes (none here)", async () => {
    const icbOnly = await createActor([{ organisationId: fx.org.ICB, role: "FINANCE" }]);
    expect(await keys(icbOnly)).toEqual({ keys: [], count: 0, inYear: 0 });
  });

  it("another system's finance office sees only its own scheme", async () => {
    const outsider = await createActor([{ organisationId: fx.otherSystem.icb!.id, role: "FINANCE", systemWide: true }]);
    expect(await keys(outsider)).toEqual({ keys: ["foreign"], count: 1, inYear: 44_400_000 });
    expect((await keys(outsider, { organisation: fx.org.T1 })).count).toBe(0);
  });

  it("a user with no roles sees nothing", async () => {
    const nobody = await createActor([]);
    expect(await keys(nobody)).toEqual({ keys: [], count: 0, inYear: 0 });
  });

  it("offers filter choices only from what the actor can see", async () => {
    const t1Finance = await createActor([{ organisationId: fx.org.T1, role: "FINANCE" }]);
    const options = await findSchemeRegisterOptions(t1Finance);
    expect(options.organisations.map((o) => o.value)).toEqual([fx.org.T1]);
    expect(options.divisions.map((d) => d.value).sort()).toEqual([fx.division.D1, fx.division.D2].sort());
    expect(options.leads.map((l) => l.label)).toEqual(["Lead One", "Lead Two"]);
    // T1's programme and the system's shared one, with their workstreams.
    expect(options.programmes.map((p) => p.value).sort()).toEqual([fx.programme.P1, fx.programme.PS].sort());
    expect(options.workstreams.map((w) => w.value).sort()).toEqual(
      [fx.workstream.W1, fx.workstream.W2, fx.workstream.W3].sort(),
    );
  });
});
