import type { PortfolioDomain, PortfolioReviewStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { createActor, createSystemWithOrganisations, uniqueToken } from "./index";

/**
 * A system with an ICB and two trusts, and one person per role that matters to a portfolio
 * review of the first trust: finance there and system-wide at the ICB, a lead and a clinician
 * (both named scorers), a board member, an administrator, and finance at the other trust.
 */
export async function createPortfolioWorld() {
  const { icb, trusts } = await createSystemWithOrganisations({ trusts: 2 });
  const [trust, otherTrust] = trusts as [(typeof trusts)[0], (typeof trusts)[0]];
  const actors = {
    finance: await createActor([{ organisationId: trust.id, role: "FINANCE" }]),
    icbFinance: await createActor([{ organisationId: icb.id, role: "FINANCE", systemWide: true }]),
    lead: await createActor([{ organisationId: trust.id, role: "LEAD" }]),
    clinician: await createActor([{ organisationId: trust.id, role: "CLINICAL_APPROVER" }]),
    board: await createActor([{ organisationId: trust.id, role: "BOARD" }]),
    admin: await createActor([{ organisationId: trust.id, role: "ADMIN" }]),
    otherFinance: await createActor([{ organisationId: otherTrust.id, role: "FINANCE" }]),
  } satisfies Record<string, Actor>;
  return { icb, trust, otherTrust, actors };
}
export type PortfolioWorld = Awaited<ReturnType<typeof createPortfolioWorld>>;
export type PortfolioActorKey = keyof PortfolioWorld["actors"];

export async function createServiceLineRow(organisationId: string, name = `Service ${uniqueToken()}`) {
  return db().serviceLine.create({ data: { organisationId, name, level: "MESO" } });
}

/**
 * A review with the given criteria (default: two clinical 30 + 20, one economic 50), service
 * lines and named scorers, in the given status.
 */
export async function createReviewRow(input: {
  organisationId: string;
  createdById: string;
  status?: PortfolioReviewStatus;
  criteria?: { domain: PortfolioDomain; weight: number }[];
  lines?: number;
  scorerIds?: string[];
}) {
  const criteria = input.criteria ?? [
    { domain: "CLINICAL", weight: 30 },
    { domain: "CLINICAL", weight: 20 },
    { domain: "ECONOMIC", weight: 50 },
  ];
  const review = await db().portfolioReview.create({
    data: {
      organisationId: input.organisationId,
      name: `Review ${uniqueToken()}`,
      cohortYear: 2026,
      cohortQuarter: 2,
      status: input.status ?? "SETUP",
      createdById: input.createdById,
      criteria: {
        create: criteria.map((c, i) => ({
          domain: c.domain,
          weight: c.weight,
          name: `Criterion ${i + 1}`,
          position: i + 1,
        })),
      },
      scorers: { create: (input.scorerIds ?? []).map((userId) => ({ userId })) },
    },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  const lines = [];
  for (let i = 0; i < (input.lines ?? 1); i++) {
    const line = await createServiceLineRow(input.organisationId);
    await db().portfolioReviewLine.create({ data: { reviewId: review.id, serviceLineId: line.id } });
    lines.push(line);
  }
  return { review, criteria: review.criteria, lines };
}

/** The scoring form's fields for one line: `score:<id>`, `rationale:<id>`, `version:<id>`. */
export function scoreForm(
  reviewId: string,
  serviceLineId: string,
  scores: { criterionId: string; score: number | string; version?: number; rationale?: string }[],
) {
  const raw: Record<string, unknown> = { reviewId, serviceLineId };
  for (const s of scores) {
    raw[`score:${s.criterionId}`] = String(s.score);
    raw[`rationale:${s.criterionId}`] = s.rationale ?? "Seen in the service's data pack";
    raw[`version:${s.criterionId}`] = String(s.version ?? 0);
  }
  return raw;
}
