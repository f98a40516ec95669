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
  return { icb: a.icb, t1, t2, x, leadUser, schemes };
}

export type ApiWorld = Awaited<ReturnType<typeof createApiWorld>>;

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
