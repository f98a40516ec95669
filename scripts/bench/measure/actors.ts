import type { Queryable } from "../lib/bench-database";
import { loadActor } from "../../../src/server/auth/load-actor";
import type { Actor } from "../../../src/server/auth/actor";

/** Real actors built from the bench database the way sessions and tests build them (loadActor). */

const cache = new Map<string, Actor>();

export async function actorFor(userId: string): Promise<Actor> {
  let actor = cache.get(userId);
  if (!actor) {
    const loaded = await loadActor(userId);
    if (!loaded) throw new Error(`No active user ${userId} in the bench database`);
    actor = loaded;
    cache.set(userId, actor);
  }
  return actor;
}

async function firstUser(client: Queryable, where: string, params: unknown[] = []): Promise<string> {
  const result = await client.query<{ id: string }>(
    `SELECT u.id FROM app_user u JOIN membership m ON m.user_id = u.id JOIN organisation o ON o.id = m.organisation_id WHERE ${where} ORDER BY u.email LIMIT 1`,
    params,
  );
  const id = result.rows[0]?.id;
  if (!id) throw new Error(`No user matches ${where}: run \`npm run bench:data\` first`);
  return id;
}

/** The system recovery PMO (finance, system-wide at the ICB): sees every organisation. */
export async function systemPmo(client: Queryable): Promise<Actor> {
  return actorFor(await firstUser(client, "m.role = 'FINANCE' AND m.system_wide"));
}

/** The finance director of the trust with the most schemes. */
export async function largestTrustFinance(
  client: Queryable,
): Promise<{ actor: Actor; organisationId: string; code: string }> {
  const trust = await client.query<{ id: string; code: string }>(
    "SELECT o.id, o.code FROM organisation o JOIN scheme s ON s.organisation_id = o.id WHERE o.type = 'TRUST' GROUP BY o.id ORDER BY count(*) DESC, o.code LIMIT 1",
  );
  const { id, code } = trust.rows[0]!;
  return {
    actor: await actorFor(await firstUser(client, "m.role = 'FINANCE' AND NOT m.system_wide AND o.id = $1", [id])),
    organisationId: id,
    code,
  };
}

/** The medical clinical approver (QIA signatory) of an organisation. */
export async function clinicalApprover(client: Queryable, organisationId: string): Promise<Actor> {
  return actorFor(
    await firstUser(client, "m.role = 'CLINICAL_APPROVER' AND m.clinical_capacity = 'MEDICAL' AND o.id = $1", [
      organisationId,
    ]),
  );
}
