import { generateToken, hashToken, tokenDisplayPrefix } from "@/modules/api-tokens/token-rules";
import { READ_ENDPOINTS } from "@/modules/read-api/read-endpoints";
import { serveEndpoint } from "@/modules/read-api/read-endpoint";
import { db } from "@/server/db";
import { createOrganisation, createSystemWithOrganisations, createUser, type RoleGrant } from "./index";
import { createSchemeMonthRows, createSchemeRow } from "./scheme-rows";

/**
 * A world for the read API: system A (ICB, trusts T1 and T2) and system B (trust X), a few
 * schemes with months and targets at each trust, and a token holder per role.
 */

export async function createApiWorld() {
  const a = await createSystemWithOrganisations({ trusts: 2 });
  const [t1, t2] = a.trusts as [(typeof a.trusts)[number], (typeof a.trusts)[number]];
  const x = await createOrganisation();
  const leadUser = await createUser({ roles: [{ organisationId: t1.id, role: "LEAD" }] });
  const scheme = async (
    organisationId: string,
    inYear: number,
    stage: "PLANNING" | "DELIVERY" | "ON_HOLD" = "DELIVERY",
  ) => {
    const s = await createSchemeRow({
      organisationId,
      leadId: leadUser.id,
      inYearPence: inYear,
      fullYearEffectPence: inYear * 2,
      stage,
      financialYear: 2025,
    });
    await createSchemeMonthRows(s.id, 2025, [
      [1, 100_00, 90_00, 80_00],
      [2, 100_00, 110_00, 120_55],
      [3, 200_00, null, null],
    ]);
    return s;
  };
  const schemes = {
    t1a: await scheme(t1.id, 500_000_00),
    t1b: await scheme(t1.id, 250_000_01, "PLANNING"),
    t1held: await scheme(t1.id, 1_000_00, "ON_HOLD"),
    t2a: await scheme(t2.id, 300_000_00),
    xa: await scheme(x.id, 999_00),
  };
  await db().savingsTarget.createMany({
    data: [
      { organisationId: t1.id, financialYear: 2025, programmeType: "CIP", targetPence: 1_000_000_00n },
      { organisationId: t2.id, financialYear: 2025, programmeType: "CIP", targetPence: 400_000_00n },
      { organisationId: x.id, financialYear: 2025, programmeType: "CIP", targetPence: 5_000_00n },
    ],
  });
  // One of everything else the API reads, at each trust: a programme with a workstream, an
  // activity and a KPI series; a risk, a gateway decision and a QIA on its first scheme.
  for (const [org, s] of [
    [t1, schemes.t1a],
    [t2, schemes.t2a],
    [x, schemes.xa],
  ] as const) {
    await createProgrammeRows(org.id, org.systemId);
    await createSchemeRecords(s.id, leadUser.id);
  }
  return { icb: a.icb, t1, t2, x, leadUser, schemes };
}

export type ApiWorld = Awaited<ReturnType<typeof createApiWorld>>;

async function createProgrammeRows(organisationId: string, systemId: string) {
  const programme = await db().programme.create({
    data: {
      organisationId,
      systemId,
      theme: "Productivity",
      name: `Theatres ${organisationId}`,
      objective: "Use theatres well",
    },
  });
  const workstream = await db().workstream.create({
    data: { programmeId: programme.id, name: "Theatre scheduling", targetPence: 120_000_00n },
  });
  // Q1 to Q3 2025/26 as quarter indexes (financial year * 4 + quarter - 1).
  await db().activity.create({
    data: {
      programmeId: programme.id,
      workstreamId: workstream.id,
      number: "1",
      sequence: 1,
      description: "Six-four-two scheduling",
      startQuarter: 2025 * 4,
      endQuarter: 2025 * 4 + 2,
      status: "ON_TRACK",
    },
  });
  await db().activity.create({
    data: { programmeId: programme.id, number: "2", sequence: 2, description: "Ongoing review" },
  });
  const kpi = await db().kpi.create({
    data: {
      programmeId: programme.id,
      workstreamId: workstream.id,
      name: "Theatre utilisation",
      unit: "%",
      direction: "HIGHER_IS_BETTER",
      baseline: "72.5",
      target: "85",
    },
  });
  await db().kpiPoint.createMany({
    data: [
      { kpiId: kpi.id, financialYear: 2025, month: 1, trajectory: "74", actual: "73.25" },
      { kpiId: kpi.id, financialYear: 2025, month: 2, trajectory: "76", actual: null },
    ],
  });
}

async function createSchemeRecords(schemeId: string, userId: string) {
  await db().risk.create({
    data: {
      schemeId,
      title: "Clinicians unavailable",
      cause: "Vacancies",
      event: "Sessions cancelled",
      effect: "Savings slip",
      ownerId: userId,
      category: "WORKFORCE",
      inherentLikelihood: 4,
      inherentConsequence: 4,
      currentLikelihood: 3,
      currentConsequence: 4,
      targetLikelihood: 2,
      targetConsequence: 3,
      currentScore: 12,
      targetScore: 6,
      reviewDate: new Date("2025-09-30"),
    },
  });
  await db().gatewayDecision.create({
    data: {
      schemeId,
      gate: 1,
      kind: "APPROVED",
      fromStage: "OPPORTUNITY",
      toStage: "PLANNING",
      schemeVersion: 1,
      decidedById: userId,
    },
  });
  await db().qualityAssessment.create({
    data: {
      schemeId,
      number: 1,
      status: "AWAITING_SIGN_OFF",
      threshold: 8,
      screeningComplete: true,
      createdById: userId,
    },
  });
}

/** A token for this user written straight to the database (the lifecycle tests use createApiToken). */
export async function issueToken(userId: string, input: { expiresAt?: Date; revokedAt?: Date } = {}) {
  const token = generateToken();
  const row = await db().apiToken.create({
    data: {
      userId,
      name: "Power BI",
      tokenHash: hashToken(token),
      prefix: tokenDisplayPrefix(token),
      expiresAt: input.expiresAt ?? new Date(Date.now() + 30 * 86_400_000),
      revokedAt: input.revokedAt ?? null,
    },
  });
  return { token, tokenId: row.id };
}

/** A user with these roles and a token. */
export async function createTokenHolder(roles: RoleGrant[]) {
  const user = await createUser({ roles });
  return { userId: user.id, ...(await issueToken(user.id)) };
}

export const ORIGIN = "http://127.0.0.1:3260";

/** GET /api/v1/<name> through the real route handler. */
export async function callApi(name: string, token: string | null, query = "", headers: Record<string, string> = {}) {
  const endpoint = READ_ENDPOINTS.find((e) => e.name === name);
  if (!endpoint) throw new Error(`No endpoint ${name}`);
  const response = await serveEndpoint(endpoint)(
    new Request(`${ORIGIN}/api/v1/${name}${query ? `?${query}` : ""}`, {
      headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...headers },
    }),
  );
  const text = await response.text();
  const json = response.headers.get("content-type")?.startsWith("application/json") ? JSON.parse(text) : undefined;
  return { status: response.status, headers: response.headers, text, json };
}
