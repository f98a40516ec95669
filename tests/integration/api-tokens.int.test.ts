import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/env";
import { createApiTokenSchema } from "@/modules/api-tokens/api-token-schemas";
import { authenticateApiRequest } from "@/modules/api-tokens/authenticate-api-token";
import { createApiToken } from "@/modules/api-tokens/create-api-token";
import { findApiTokens } from "@/modules/api-tokens/find-api-tokens";
import { revokeApiToken } from "@/modules/api-tokens/revoke-api-token";
import { generateToken, hashToken } from "@/modules/api-tokens/token-rules";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { createActor, createOrganisation, createUser } from "../factories";
import { callApi, createTokenHolder, issueToken } from "../factories/read-api";
import { useTestDatabase } from "../helpers/test-database";

/** Personal API tokens: created once, stored hashed, scoped to the user's current roles, revocable, audited. */

let orgId: string;

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return "allowed";
}

const auditOf = (tokenId: string) =>
  db().auditEvent.findMany({ where: { entityType: "api_token", entityId: tokenId }, orderBy: { id: "asc" } });

describe("API token lifecycle", () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    orgId = (await createOrganisation()).id;
  });

  afterEach(() => {
    delete process.env.API_RATE_LIMIT_PER_MINUTE;
    delete process.env.API_TOKENS_FOR_LEADS;
    resetEnvCache();
  });

  it("is shown once, stored only as a hash, listed, and its creation audited without the token", async () => {
    const actor = await createActor([{ organisationId: orgId, role: "FINANCE" }]);
    const created = await createApiToken(
      actor,
      { name: "Power BI – board", expiresInDays: 365 },
      new Date("2026-01-10T09:00:00Z"),
    );
    expect(created.token).toMatch(/^rt_pat_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(row.expiresAt.toISOString()).toBe("2027-01-10T09:00:00.000Z");
    const stored = await database.query("SELECT row_to_json(t)::text AS j FROM api_token t");
    expect(stored.rows.some((r) => String(r.j).includes(created.token))).toBe(false);

    const list = await findApiTokens(actor);
    expect(list).toEqual([
      expect.objectContaining({ id: created.id, name: "Power BI – board", lastUsedAt: null, revokedAt: null }),
    ]);
    expect(list[0]).not.toHaveProperty("tokenHash");

    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual(["api_token.create"]);
    expect(audit[0]!.actorId).toBe(actor.userId);
    const recorded = JSON.stringify(audit.map((a) => [a.before, a.after]));
    expect(recorded).toContain(row.prefix);
    expect(recorded).not.toContain(created.token);
    expect(recorded).not.toContain(row.tokenHash);
  });

  it("expires within a year and needs a name", () => {
    expect(createApiTokenSchema.safeParse({ name: "x", expiresInDays: "366" }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "x", expiresInDays: "0" }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "  ", expiresInDays: "30" }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "x".repeat(81), expiresInDays: "30" }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "Power BI", expiresInDays: "365" }).success).toBe(true);
  });

  it.each([
    ["FINANCE", "allowed"],
    ["BOARD", "allowed"],
    ["ADMIN", "allowed"],
    ["LEAD", "FORBIDDEN"],
    ["CLINICAL_APPROVER", "FORBIDDEN"],
  ] as const)("a %s may create one: %s", async (role, expected) => {
    const actor = await createActor([{ organisationId: orgId, role }]);
    expect(await refusal(createApiToken(actor, { name: "t", expiresInDays: 30 }))).toBe(expected);
  });

  it("leads may create tokens when the administrator allows it", async () => {
    process.env.API_TOKENS_FOR_LEADS = "true";
    resetEnvCache();
    const lead = await createActor([{ organisationId: orgId, role: "LEAD" }]);
    expect(await refusal(createApiToken(lead, { name: "t", expiresInDays: 30 }))).toBe("allowed");
    const nobody = await createActor([]);
    expect(await refusal(createApiToken(nobody, { name: "t", expiresInDays: 30 }))).toBe("FORBIDDEN");
  });

  it("is revoked by its owner only; a revoked token is refused at once, and revoking twice writes once", async () => {
    const owner = await createActor([{ organisationId: orgId, role: "BOARD" }]);
    const other = await createActor([{ organisationId: orgId, role: "ADMIN" }]);
    const created = await createApiToken(owner, { name: "t", expiresInDays: 30 });
    expect((await callApi("savings-targets", created.token)).status).toBe(200);
    expect(await refusal(revokeApiToken(other, { tokenId: created.id }))).toBe("NOT_FOUND");
    expect((await callApi("savings-targets", created.token)).status).toBe(200);

    const [first, second] = await Promise.all([
      revokeApiToken(owner, { tokenId: created.id }),
      revokeApiToken(owner, { tokenId: created.id }),
    ]);
    expect([first.alreadyRevoked, second.alreadyRevoked].sort()).toEqual([false, true]);
    const refused = await callApi("savings-targets", created.token);
    expect(refused.status).toBe(401);
    expect(refused.json.error.message).toMatch(/revoked/);
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual([
      "api_token.create",
      "api_token.use",
      "api_token.revoke",
    ]);
  });

  it("audits the first use of each day only, and records when it was last used", async () => {
    const holder = await createTokenHolder([{ organisationId: orgId, role: "FINANCE" }]);
    const day1 = new Date("2026-03-02T08:00:00Z");
    await Promise.all([1, 2, 3].map(() => authenticateApiRequest(`Bearer ${holder.token}`, day1)));
    await authenticateApiRequest(`Bearer ${holder.token}`, new Date("2026-03-02T17:00:00Z"));
    await authenticateApiRequest(`Bearer ${holder.token}`, new Date("2026-03-03T07:00:00Z"));
    const uses = (await auditOf(holder.tokenId)).filter((a) => a.action === "api_token.use");
    expect(uses.map((u) => (u.after as { firstUseOn: string }).firstUseOn)).toEqual(["2026-03-02", "2026-03-03"]);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: holder.tokenId } });
    expect(row.lastUsedAt?.toISOString()).toBe("2026-03-03T07:00:00.000Z");
  });

  it("acts with the user's current roles: a role removed takes effect on the next request", async () => {
    const other = await createOrganisation();
    const user = await createUser({
      roles: [
        { organisationId: orgId, role: "FINANCE" },
        { organisationId: other.id, role: "BOARD" },
      ],
    });
    const { token } = await issueToken(user.id);
    const before = await callApi("savings-targets", token, `organisation=${other.id}`);
    expect(before.status).toBe(200);
    await db().membership.deleteMany({ where: { userId: user.id, organisationId: other.id } });
    const after = await callApi("savings-targets", token, `organisation=${other.id}`);
    expect(after.status).toBe(403);
    expect(after.json.error.message).toContain(other.id);
    await db().membership.deleteMany({ where: { userId: user.id } });
    expect((await callApi("savings-targets", token)).status).toBe(403);
  });

  it.each([
    ["no token", null, /Authorization/],
    ["a malformed token", "not-a-token", /not “Bearer”/],
    ["another instance's token", generateToken(), /not valid here/],
  ])("refuses %s with 401 and a JSON message", async (_what, token, message) => {
    const r = await callApi("schemes", token);
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(r.json).toEqual({ error: { status: 401, message: expect.stringMatching(message) } });
  });

  it("refuses an expired token and the token of a disabled user", async () => {
    const user = await createUser({ roles: [{ organisationId: orgId, role: "FINANCE" }] });
    const expired = await issueToken(user.id, { expiresAt: new Date(Date.now() - 1000) });
    expect((await callApi("schemes", expired.token)).json.error.message).toMatch(/expired/);
    const live = await issueToken(user.id);
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    const r = await callApi("schemes", live.token);
    expect(r.status).toBe(401);
    expect(r.json.error.message).toMatch(/disabled/);
  });

  it("limits requests per token per minute in the database, then answers 429 with Retry-After", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    resetEnvCache();
    const holder = await createTokenHolder([{ organisationId: orgId, role: "FINANCE" }]);
    const now = new Date("2026-03-02T08:00:40Z");
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => authenticateApiRequest(`Bearer ${holder.token}`, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ status: 429, retryAfterSeconds: 20 }),
      expect.objectContaining({ status: 429, retryAfterSeconds: 20 }),
    ]);
    // Another token has its own allowance; the next minute starts again.
    const another = await createTokenHolder([{ organisationId: orgId, role: "FINANCE" }]);
    expect((await authenticateApiRequest(`Bearer ${another.token}`, now)).ok).toBe(true);
    expect((await authenticateApiRequest(`Bearer ${holder.token}`, new Date("2026-03-02T08:01:00Z"))).ok).toBe(true);

    // Through the route handler: a flood gets JSON 429 with Retry-After.
    process.env.API_RATE_LIMIT_PER_MINUTE = "1";
    resetEnvCache();
    const flooder = await createTokenHolder([{ organisationId: orgId, role: "FINANCE" }]);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await callApi("savings-targets", flooder.token));
    const limited = statuses.find((s) => s.status === 429);
    expect(limited?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(limited?.json.error.message).toMatch(/Too many requests/);
  });

  it("never writes a whole token to the audit log (only its prefix)", async () => {
    const rows = await database.query(
      "SELECT count(*)::int AS n FROM audit_event WHERE coalesce(after::text, '') ~ 'rt_pat_[A-Za-z0-9_-]{43}'",
    );
    expect(rows.rows[0]!.n).toBe(0);
    // Sanity: audit records exist to search.
    const all = await database.query("SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'api_token'");
    expect(all.rows[0]!.n).toBeGreaterThan(3);
  });
});
