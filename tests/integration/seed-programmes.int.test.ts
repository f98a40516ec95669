import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { quarterIndex } from "@/lib/financial-year";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { seedProgrammes, splitLeads, timescaleToQuarters } from "../../prisma/seed/seed-programmes";
import { activityLeadsText, activityNumberText } from "@/modules/activities/activity-display";
import lthData from "../../prisma/seed/data/lth-programmes.json" with { type: "json" };
import nelData from "../../prisma/seed/data/nel-provider-productivity.json" with { type: "json" };
import { rowCounts } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

const Q3_2021 = quarterIndex({ fy: 2021, q: 3 });
const lthActivities = lthData.programmes.flatMap((p) => p.activities);

async function lthProgramme(name: string) {
  return db().programme.findFirstOrThrow({
    where: { name, organisation: { code: "LTH" } },
    include: { activities: { orderBy: { sequence: "asc" }, include: { leads: { include: { lead: true } } } } },
  });
}

async function nelProgramme() {
  return db().programme.findFirstOrThrow({
    where: { name: "Provider Productivity", system: { name: "North East London" } },
  });
}

describe("seedProgrammes", () => {
  useTestDatabase();

  beforeAll(async () => {
    await seedDemo(db());
    await seedProgrammes(db());
  });

  it("loads every LTH programme and activity of the data file, owned by LTH", async () => {
    expect(lthData.programmes).toHaveLength(19);
    expect(lthActivities).toHaveLength(80);
    const where = { organisation: { code: "LTH" } };
    expect(await db().programme.count({ where })).toBe(19);
    expect(await db().activity.count({ where: { programme: where } })).toBe(80);
    expect(await db().programmeTarget.count()).toBe(0);

    const covid = await lthProgramme("Managing with Covid");
    expect(covid.theme).toBe("Operational Capacity Planning");
    expect(covid.position).toBe(1);
    expect(covid.objective).toContain("Business cases for funding");
  });

  it("splits a joint lead into one lead per role", async () => {
    const planning = await lthProgramme("Integrated approach to planning");
    const activity = planning.activities.find((a) => a.number === "3");
    expect(lthData.programmes.find((p) => p.name === planning.name)?.activities[2]?.lead).toBe(
      "COO/Director of Service Development",
    );
    expect(activity?.leads.map((l) => l.lead.title).sort()).toEqual(["COO", "Director of Service Development"]);

    const covid = await lthProgramme("Managing with Covid");
    expect(covid.activities[1]?.leads.map((l) => l.lead.title).sort()).toEqual([
      "COO",
      "Director of Service Development",
    ]);
    // Shown as the paper wrote it, not "Director of Service Development, COO".
    expect(activityLeadsText(covid.activities[1]!)).toBe("Director of Service Development/ COO");
    const lsc = { system: { name: "Lancashire and South Cumbria" } };
    expect(await db().lead.count({ where: { ...lsc, title: { contains: "/" } } })).toBe(0);
    expect(await db().lead.findFirstOrThrow({ where: { ...lsc, title: "DoF" } })).toMatchObject({
      description: expect.stringMatching(/^Director of Finance/),
    });
  });

  it("stores quarters as indexes, and Ongoing as no quarters", async () => {
    const lth = { programme: { organisation: { code: "LTH" } } };
    const ongoing = lthActivities.filter((a) => a.timescale === "Ongoing").length;
    const q3 = lthActivities.filter((a) => a.timescale === "Q3 21–22").length;
    expect([ongoing, q3]).toEqual([5, 72]);
    expect(await db().activity.count({ where: { ...lth, startQuarter: null, endQuarter: null } })).toBe(ongoing);
    expect(await db().activity.count({ where: { ...lth, startQuarter: Q3_2021, endQuarter: Q3_2021 } })).toBe(q3);
    expect(await db().activity.count({ where: { ...lth, status: { not: "ON_TRACK" }, startQuarter: null } })).toBe(0);

    const provider = await lthProgramme("Provider collaboration");
    expect(provider.activities.find((a) => a.number === "4")).toMatchObject({
      startQuarter: null,
      endQuarter: null,
      status: "ON_TRACK",
    });
    const planning = await lthProgramme("Integrated approach to planning");
    const q1 = quarterIndex({ fy: 2022, q: 1 });
    expect(planning.activities.find((a) => a.number === "5")).toMatchObject({ startQuarter: q1, endQuarter: q1 });
  });

  it("keeps the paper's duplicate 3 as printed (its key 3a) and the unnumbered activity", async () => {
    const isp = await lthProgramme("Establish Strategic Collaboration with Independent Sector Providers (ISPs)");
    expect(isp.activities.map((a) => a.number)).toEqual(["1", "2", "3", "3a", "4"]);
    expect(isp.activities.map(activityNumberText)).toEqual(["1", "2", "3", "3", "4"]);
    expect(isp.activities[3]?.description).toBe(
      "Share LTH thinking with provider group to establish opportunities for a wider system approach",
    );

    const ci = await lthProgramme("Continuous Improvement");
    const q4 = quarterIndex({ fy: 2021, q: 4 });
    expect(ci.activities.map((a) => a.number)).toEqual(["1", "2", "3", null]);
    expect(ci.activities[3]).toMatchObject({ sequence: 4, startQuarter: q4, endQuarter: q4 });
  });

  it("keeps bullet sub-items as written, beside the description (no colon added)", async () => {
    const covid = await lthProgramme("Managing with Covid");
    expect(covid.activities[0]).toMatchObject({
      description: "Establish process to review all continuing covid related costs identifying",
      subItems: ["What’s here to stay?", "What can be removed/reduced and when?"],
    });
  });

  it("holds every LTH activity as the paper wrote it, item by item, with its parsed leads", async () => {
    for (const programme of lthData.programmes) {
      const stored = await lthProgramme(programme.name);
      expect(
        stored.activities.map((a) => a.sequence),
        programme.name,
      ).toEqual(programme.activities.map((a) => a.sequence));
      programme.activities.forEach((written, i) => {
        const activity = stored.activities[i]!;
        const where = `${programme.name}, activity ${written.sequence}`;
        const printed = "numberAsPrinted" in written ? (written.numberAsPrinted as string) : written.number;
        expect(activityNumberText(activity), where).toBe(printed);
        expect(activity.description, where).toBe(written.description);
        expect(activity.subItems, where).toEqual("subItems" in written ? written.subItems : []);
        expect(activityLeadsText(activity), where).toBe(written.lead);
        expect(activity.leads.map((l) => l.lead.title).sort(), where).toEqual(splitLeads(written.lead).sort());
        expect({ startQuarter: activity.startQuarter, endQuarter: activity.endQuarter }, where).toEqual(
          timescaleToQuarters(written.timescale),
        );
        expect(activity.status, where).toBe(written.status);
      });
    }
  });

  it("gives a realistic status mix with some overdue activities", async () => {
    const statuses = await db().activity.groupBy({
      by: ["status"],
      where: { programme: { organisation: { code: "LTH" } } },
      _count: true,
    });
    const count = Object.fromEntries(statuses.map((s) => [s.status, s._count]));
    expect(count).toEqual({ DONE: 66, ON_TRACK: 5, LATE: 4, AT_RISK: 3, NOT_STARTED: 2 });
  });

  it("links leads to the demo users", async () => {
    const linked = await db().lead.findMany({
      where: { userId: { not: null } },
      select: { title: true, system: { select: { name: true } }, user: { select: { email: true } } },
      orderBy: { title: "asc" },
    });
    expect(linked.map((l) => [l.system.name, l.title, l.user?.email])).toEqual([
      ["North East London", "Director of Capital, Costing and Development, Barts Health", "lead@demo.nhs.uk"],
      ["Lancashire and South Cumbria", "Director of Service Development", "lth-lead@demo.nhs.uk"],
      ["Lancashire and South Cumbria", "DoF", "lth-finance@demo.nhs.uk"],
    ]);
  });

  it("loads the NEL programme, its five workstreams and 25 initiatives", async () => {
    const programme = await nelProgramme();
    expect(programme).toMatchObject({
      organisationId: null,
      theme: "Provider productivity",
      sro: nelData.programme.sro,
    });
    const workstreams = await db().workstream.findMany({
      where: { programmeId: programme.id },
      orderBy: { number: "asc" },
    });
    expect(workstreams).toHaveLength(nelData.workstreams.length);
    expect(workstreams.map((w) => [w.number, w.name, w.baselinePence, w.targetPence])).toEqual([
      [1, "Bank & agency and back office (HR)", 19_600_000_000n, 860_000_000n],
      [2, "Back office (Finance)", null, null],
      [3, "Pathology", null, 350_000_000n],
      [4, "Procurement", null, 760_000_000n],
      [5, "IT (back office)", null, null],
    ]);
    expect(workstreams[2]?.deliveryLeads).toHaveLength(2);

    const initiatives = nelData.workstreams.flatMap((w) => w.initiatives);
    expect(initiatives).toHaveLength(25);
    expect(await db().activity.count({ where: { programmeId: programme.id, workstreamId: { not: null } } })).toBe(25);
    const pathology = await db().activity.findFirstOrThrow({
      where: { programmeId: programme.id, number: "3.2" },
      include: { leads: { include: { lead: true } }, workstream: true },
    });
    expect(pathology.workstream?.name).toBe("Pathology");
    expect(pathology.description).toBe("Review test ordering processes to identify potential to move to a NEL test");
    expect(pathology.deliverables).toEqual(["Review test ordering processes"]);
    expect(pathology.leads.map((l) => l.lead.title).sort()).toEqual([
      "Director of Capital, Costing and Development, Barts Health",
      "Director of Planning and Governance, BHRUT",
    ]);
    expect(pathology).toMatchObject({
      startQuarter: quarterIndex({ fy: 2017, q: 1 }),
      endQuarter: quarterIndex({ fy: 2019, q: 4 }),
    });
  });

  it("loads the NEL KPIs with illustrative points, and the dependencies", async () => {
    const programme = await nelProgramme();
    const kpis = await db().kpi.findMany({
      where: { programmeId: programme.id },
      include: { points: true, workstream: true },
    });
    expect(kpis).toHaveLength(nelData.kpis.length);
    const backOffice = kpis.find((k) => k.workstreamId === null);
    expect(backOffice?.target?.toFixed(4)).toBe(((10.7 / 113) * 100).toFixed(4));
    expect(backOffice?.points).toHaveLength(36);
    expect(backOffice?.points.filter((p) => p.actual !== null)).toHaveLength(24);
    const agency = kpis.find((k) => k.workstream?.number === 1);
    expect(agency).toMatchObject({
      unit: "%",
      direction: "HIGHER_IS_BETTER",
      baselineNote: "Currently £196m on agencies",
    });
    expect(agency?.target?.toFixed(4)).toBe(((8.6 / 196) * 100).toFixed(4));

    const dependencies = await db().dependency.findMany({
      where: { programmeId: programme.id },
      include: { workstream: true, dependsOnWorkstream: true },
    });
    expect(dependencies).toHaveLength(nelData.dependencies.length);
    expect(dependencies.filter((d) => d.kind === "ASSUMPTION")).toHaveLength(2);
    expect(dependencies.find((d) => d.dependsOnWorkstream?.name === "Procurement")?.workstream?.name).toBe(
      "Back office (Finance)",
    );
  });

  it("changes nothing when run again", async () => {
    const before = await rowCounts();
    const lastUpdate = await db().activity.aggregate({ _max: { updatedAt: true } });
    await seedProgrammes(db());
    expect(await rowCounts()).toEqual(before);
    expect(await db().activity.aggregate({ _max: { updatedAt: true } })).toEqual(lastUpdate);
    expect(before).toMatchObject({
      programme: 20,
      workstream: 5,
      lead: 23,
      activity: 105,
      activity_lead: 142,
      dependency: 22,
    });
    // The demo seed also gives schemes their KPIs; the programmes' own are these four.
    expect(await db().kpi.count({ where: { programmeId: { not: null } } })).toBe(4);
    // Scheme KPIs (the QIAs' quality indicators) get their own illustrative series from the quality seed.
    expect(await db().kpiPoint.count({ where: { kpi: { programmeId: { not: null } } } })).toBe(72);
  });
});
