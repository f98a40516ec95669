import type { Prisma } from "@/generated/prisma/client";
import type { QiaStatus } from "@/generated/prisma/enums";
import { startOfUtcDay } from "@/lib/dates";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { CLINICAL_CAPACITIES, isReviewOverdue } from "./qia-rules";
import { qiaScope } from "./quality-access";

/** The QIA list: awaiting my signature, by status, overdue reviews. Current versions only. */

export type QiaListView = { kind: "awaiting-me" } | { kind: "overdue" } | { kind: "status"; status: QiaStatus | null };

/** Where the actor is a signatory who could still sign: AWAITING_SIGN_OFF, not their own scheme, not yet signed by them, a capacity of theirs still open. */
function awaitingSignatureOf(actor: Actor): Prisma.QualityAssessmentWhereInput {
  const clauses = actor.organisations
    .filter((o) => o.roles.includes("CLINICAL_APPROVER") && o.clinicalCapacities.length > 0)
    .map((o) => ({
      scheme: { organisationId: o.id, leadId: { not: actor.userId } },
      OR: o.clinicalCapacities
        .filter((c) => CLINICAL_CAPACITIES.includes(c))
        .map((capacity) => ({ signOffs: { none: { capacity } } })),
    }));
  if (clauses.length === 0) return { id: { in: [] } };
  return { status: "AWAITING_SIGN_OFF", signOffs: { none: { userId: actor.userId } }, OR: clauses };
}

function overdue(today: Date): Prisma.QualityAssessmentWhereInput {
  return { status: { not: "SUPERSEDED" }, reviewDate: { lt: today }, reviews: { none: {} } };
}

export async function findQias(actor: Actor, view: QiaListView, now = new Date()) {
  const today = startOfUtcDay(now);
  const where: Prisma.QualityAssessmentWhereInput =
    view.kind === "awaiting-me"
      ? awaitingSignatureOf(actor)
      : view.kind === "overdue"
        ? overdue(today)
        : { status: view.status ?? { not: "SUPERSEDED" } };
  const rows = await db().qualityAssessment.findMany({
    where: { AND: [qiaScope(actor), where] },
    orderBy: [{ scheme: { code: "asc" } }, { number: "desc" }],
    take: 500,
    select: {
      id: true,
      number: true,
      status: true,
      fullRequired: true,
      screeningComplete: true,
      reviewDate: true,
      updatedAt: true,
      scheme: {
        select: {
          id: true,
          code: true,
          title: true,
          stage: true,
          organisation: { select: { code: true, name: true } },
          lead: { select: { name: true } },
        },
      },
      signOffs: { select: { capacity: true, outcome: true, user: { select: { name: true } } } },
      _count: { select: { reviews: true } },
    },
  });
  return rows.map(({ _count, ...r }) => ({
    ...r,
    reviewOverdue: isReviewOverdue({ ...r, reviewCount: _count.reviews }, today),
  }));
}

export type QiaListRow = Awaited<ReturnType<typeof findQias>>[number];

/** QIAs waiting for their clinical signatures, in the actor's scope, optionally narrowed to some organisations (the dashboard's view). */
export async function countQiasAwaitingSignOff(actor: Actor, organisationIds?: string[]): Promise<number> {
  const narrowed: Prisma.QualityAssessmentWhereInput = organisationIds
    ? { scheme: { organisationId: { in: organisationIds } } }
    : {};
  // AND, not a spread: a second scheme key would replace the actor's scope.
  return db().qualityAssessment.count({ where: { AND: [qiaScope(actor), narrowed], status: "AWAITING_SIGN_OFF" } });
}
