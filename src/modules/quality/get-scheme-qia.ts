import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { schemeScope } from "@/modules/schemes/scheme-access";

const person = { select: { id: true, name: true } } as const;

/**
 * A scheme's QIA for its page: the scheme, the dimensions in use, the requested version (the
 * current one by default) with its answers, sign-offs, conditions and reviews, every version's
 * number and status, and the scheme's quality indicators. Null `qia` = not started.
 */
export async function getSchemeQia(actor: Actor, schemeId: string, versionNumber?: number) {
  const scheme = await db().scheme.findFirst({
    where: { id: schemeId, ...schemeScope(actor) },
    select: {
      id: true,
      code: true,
      title: true,
      stage: true,
      organisationId: true,
      leadId: true,
      lead: person,
      organisation: { select: { name: true, qiaThreshold: true } },
    },
  });
  if (!scheme) throw notFound("The scheme");
  const [dimensions, versions, indicators] = await Promise.all([
    db().qualityDimension.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } }),
    db().qualityAssessment.findMany({
      where: { schemeId },
      orderBy: { number: "desc" },
      select: { id: true, number: true, status: true, createdAt: true, createdBy: person },
    }),
    db().kpi.findMany({ where: { schemeId, qualityIndicator: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const current = versions[0];
  const wanted = versionNumber === undefined ? current : versions.find((v) => v.number === versionNumber);
  if (versionNumber !== undefined && !wanted) throw notFound("That version of the QIA");
  const qia = wanted
    ? await db().qualityAssessment.findUniqueOrThrow({
        where: { id: wanted.id },
        include: {
          dimensions: { include: { dimension: true }, orderBy: { dimension: { sortOrder: "asc" } } },
          signOffs: {
            orderBy: { signedAt: "asc" },
            include: { user: person, conditions: { orderBy: { createdAt: "asc" }, include: { metBy: person } } },
          },
          reviews: { orderBy: { createdAt: "desc" }, include: { reviewedBy: person } },
        },
      })
    : null;
  return { scheme, dimensions, versions, indicators, qia, isCurrent: Boolean(qia && current && qia.id === current.id) };
}

export type SchemeQia = Awaited<ReturnType<typeof getSchemeQia>>;

/** A scheme's EIA with its screening and sign-off (null = not started). */
export async function getSchemeEia(actor: Actor, schemeId: string) {
  const scheme = await db().scheme.findFirst({
    where: { id: schemeId, ...schemeScope(actor) },
    select: {
      id: true,
      code: true,
      title: true,
      organisationId: true,
      leadId: true,
      lead: person,
      organisation: { select: { name: true } },
    },
  });
  if (!scheme) throw notFound("The scheme");
  const eia = await db().equalityAssessment.findUnique({
    where: { schemeId },
    include: { screening: true, signedOffBy: person },
  });
  return { scheme, eia };
}

export type SchemeEia = Awaited<ReturnType<typeof getSchemeEia>>;

/** The scheme page's card: the current QIA's status and signatures, and the EIA's status. */
export async function getAssessmentSummary(actor: Actor, schemeId: string) {
  const scheme = await db().scheme.findFirst({ where: { id: schemeId, ...schemeScope(actor) }, select: { id: true } });
  if (!scheme) throw notFound("The scheme");
  const [qia, eia] = await Promise.all([
    db().qualityAssessment.findFirst({
      where: { schemeId },
      orderBy: { number: "desc" },
      select: {
        number: true,
        status: true,
        screeningComplete: true,
        fullRequired: true,
        reviewDate: true,
        _count: { select: { reviews: true } },
        signOffs: { select: { capacity: true, outcome: true, user: { select: { name: true } } } },
      },
    }),
    db().equalityAssessment.findUnique({
      where: { schemeId },
      select: { status: true, screeningComplete: true, fullRequired: true },
    }),
  ]);
  return { qia, eia };
}
