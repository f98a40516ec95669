import type { PrismaClient } from "../../src/generated/prisma/client";
import type { RiskCategory } from "../../src/generated/prisma/enums";
import nelRisks from "./data/nel-risks.json" with { type: "json" };

/**
 * Demo risks: the 13 risks of the NEL provider-productivity plan on their workstreams'
 * registers, scored to match the paper's RAG (see data/nel-risks.json), and a few risks on
 * LTH programmes. Idempotent: a risk is matched on its register and title.
 */

/** The paper gives no category: read it from the wording (contracts cost money; staff are workforce). */
function categoryOf(description: string): RiskCategory {
  if (/staff|vacanc|workforce|resist/i.test(description)) return "WORKFORCE";
  if (/contract|exit fee|savings|cost/i.test(description)) return "FINANCIAL";
  return "DELIVERY";
}

function titleOf(description: string): string {
  const first = description.split(/(?<=[.;])\s/)[0]!.replace(/[.;]$/, "");
  return first.length <= 90 ? first : `${first.slice(0, 87).replace(/\s+\S*$/, "")}…`;
}

const DAY = 86_400_000;
const utcDay = (base: Date, days: number) =>
  new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate()) + days * DAY);

interface DemoRisk {
  programmeId: string;
  workstreamId: string | null;
  title: string;
  cause: string;
  event: string;
  effect: string;
  category: RiskCategory;
  ownerId: string;
  likelihood: number;
  consequence: number;
  targetLikelihood: number;
  reviewInDays: number;
  sourceNote: string | null;
  action: { description: string; dueInDays: number } | null;
}

export async function seedRisks(db: PrismaClient, now = new Date()): Promise<void> {
  const users = new Map((await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const pmo = users.get("pmo@demo.nhs.uk");
  const barts = users.get("lead@demo.nhs.uk");
  const lthLead = users.get("lth-lead@demo.nhs.uk");
  const lthFinance = users.get("lth-finance@demo.nhs.uk");
  if (!pmo || !barts || !lthLead || !lthFinance)
    throw new Error("Risk seed needs the demo users; run the demo seed first");

  const nel = await db.programme.findFirst({
    where: { name: "Provider Productivity" },
    include: { workstreams: true },
  });
  const lth = await db.programme.findMany({
    where: { organisation: { code: "LTH" } },
    select: { id: true, name: true },
  });
  const demo: DemoRisk[] = [];

  if (nel) {
    nelRisks.risks.forEach((r, i) => {
      const workstream = nel.workstreams.find((w) => w.name === r.workstream);
      if (!workstream) throw new Error(`Risk seed: unknown NEL workstream "${r.workstream}"`);
      const red = r.rag === "R";
      demo.push({
        programmeId: nel.id,
        workstreamId: workstream.id,
        title: titleOf(r.description),
        cause: r.description,
        event: "Savings from this workstream are smaller or later than planned.",
        effect: "The workstream's contribution to provider productivity across NEL is not delivered in full.",
        category: categoryOf(r.description),
        // Procurement's delivery lead is the demo lead; the PMO owns the rest.
        ownerId: r.workstream === "Procurement" ? barts : pmo,
        likelihood: red ? 4 : 3,
        consequence: 4,
        targetLikelihood: 2,
        // A few reviews already overdue, so the home page and the register show them.
        reviewInDays: i % 4 === 0 ? -14 : 30 + i * 7,
        sourceNote: `NEL delivery plan RAG: ${r.rag}. ${nelRisks.scoring_note}`,
        action: { description: r.mitigating_action, dueInDays: i % 3 === 0 ? -7 : 45 },
      });
    });
  }

  const lthProgramme = (name: string) => lth.find((p) => p.name.toLowerCase().includes(name.toLowerCase()))?.id;
  const lthRisks: Omit<DemoRisk, "programmeId">[] = [
    {
      workstreamId: null,
      title: "Agency spend stays above the cap while vacancies persist",
      cause: "High medical and nursing vacancy rates in acute specialties.",
      event: "Rota gaps continue to be filled by agency staff above NHS England price caps.",
      effect: "Premium pay savings fall short of plan and the underlying deficit does not reduce.",
      category: "FINANCIAL",
      ownerId: lthFinance,
      likelihood: 4,
      consequence: 4,
      targetLikelihood: 2,
      reviewInDays: -3,
      sourceNote: "Illustrative demo risk.",
      action: {
        description: "Weekly agency approval panel chaired by the Chief Nurse and Medical Director.",
        dueInDays: 21,
      },
    },
    {
      workstreamId: null,
      title: "Service line reporting data not trusted by clinical teams",
      cause: "PLICS costing relies on allocations clinicians have not reviewed.",
      event: "Divisions dispute service line results and delay portfolio decisions.",
      effect: "Portfolio service review decisions slip a year.",
      category: "DELIVERY",
      ownerId: lthLead,
      likelihood: 3,
      consequence: 3,
      targetLikelihood: 2,
      reviewInDays: 20,
      sourceNote: "Illustrative demo risk.",
      action: { description: "Clinical engagement sessions on PLICS results for each division.", dueInDays: -10 },
    },
  ];
  const premium = lthProgramme("premium") ?? lth[0]?.id;
  const portfolio = lthProgramme("portfolio") ?? lth[1]?.id;
  if (premium && lthRisks[0]) demo.push({ programmeId: premium, ...lthRisks[0] });
  if (portfolio && lthRisks[1]) demo.push({ programmeId: portfolio, ...lthRisks[1] });

  const existing = new Set(
    (await db.risk.findMany({ select: { programmeId: true, workstreamId: true, title: true } })).map(
      (r) => `${r.programmeId}|${r.workstreamId}|${r.title}`,
    ),
  );
  await db.$transaction(async (tx) => {
    for (const r of demo) {
      if (existing.has(`${r.programmeId}|${r.workstreamId}|${r.title}`)) continue;
      const inherentLikelihood = Math.min(5, r.likelihood + 1);
      await tx.risk.create({
        data: {
          programmeId: r.programmeId,
          workstreamId: r.workstreamId,
          title: r.title,
          cause: r.cause,
          event: r.event,
          effect: r.effect,
          ownerId: r.ownerId,
          category: r.category,
          inherentLikelihood,
          inherentConsequence: r.consequence,
          currentLikelihood: r.likelihood,
          currentConsequence: r.consequence,
          targetLikelihood: r.targetLikelihood,
          targetConsequence: r.consequence,
          currentScore: r.likelihood * r.consequence,
          targetScore: r.targetLikelihood * r.consequence,
          reviewDate: utcDay(now, r.reviewInDays),
          sourceNote: r.sourceNote,
          scoreChanges: {
            create: [
              {
                changedAt: utcDay(now, -60),
                changedById: r.ownerId,
                currentLikelihood: inherentLikelihood,
                currentConsequence: r.consequence,
                currentScore: inherentLikelihood * r.consequence,
                targetScore: r.targetLikelihood * r.consequence,
              },
              {
                changedAt: utcDay(now, -30),
                changedById: r.ownerId,
                currentLikelihood: r.likelihood,
                currentConsequence: r.consequence,
                currentScore: r.likelihood * r.consequence,
                targetScore: r.targetLikelihood * r.consequence,
              },
            ],
          },
          ...(r.action
            ? {
                actions: {
                  create: [
                    { description: r.action.description, ownerId: r.ownerId, dueDate: utcDay(now, r.action.dueInDays) },
                  ],
                },
              }
            : {}),
        },
      });
    }
  });
}
