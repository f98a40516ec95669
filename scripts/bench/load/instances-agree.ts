import type pg from "pg";
import { generateToken, hashToken, tokenDisplayPrefix } from "../../../src/modules/api-tokens/token-rules";
import { BENCH_PASSWORD } from "../data/users";
import { formFields } from "./html-form";
import { actionBody, actionHeaders, actionResult, schemePageRouterState } from "./server-action";
import type { PageLoad } from "./scenario";
import { signIn } from "./sign-in";

/**
 * With two instances (issue 19 item 4): nothing depends on which one serves a request.
 *  1. Sessions: every signed-in user's cookie (signed in through the balancer) opens a page on
 *     each instance directly.
 *  2. Login rate limit: failed sign-ins spread over both instances add up; once locked, the
 *     right password is refused on both (the attempts live in the database).
 *  3. The read API's per-token rate limit: requests alternating between the instances add up.
 *  4. Gateway decisions racing: the same gateway 1 approval posted to both instances at once,
 *     from the same loaded page, gives exactly one decision and one clear conflict (5 schemes).
 */
export async function instancesAgree(options: {
  pool: pg.Pool;
  appPorts: number[];
  publicUrl: string;
  pages: PageLoad[];
  cookies: Map<string, string>;
  /** The build's id of decideGatewayAction. */
  decideActionId: string;
}) {
  const { pool, appPorts } = options;
  const base = (port: number) => `http://127.0.0.1:${port}`;
  const problems: string[] = [];
  const lines: string[] = ["Two instances, one database:"];

  // 1. Sessions on both instances.
  let opened = 0;
  for (const [email, cookie] of options.cookies)
    for (const port of appPorts) {
      const r = await fetch(`${base(port)}/notifications`, { headers: { cookie }, redirect: "manual" });
      const body = await r.text();
      if (r.status === 200 && body.includes("<main")) opened += 1;
      else problems.push(`session of ${email} not valid on the instance on ${port} (HTTP ${r.status})`);
    }
  lines.push(
    `  sessions: ${opened} of ${options.cookies.size * appPorts.length} (user, instance) pairs open a page directly`,
  );

  // 2. The login rate limit is shared. A user outside the mix, with no recent failures.
  const maxFailures = Number(process.env.LOGIN_MAX_FAILURES ?? 5);
  const victim = (
    await pool.query<{ email: string }>(
      `SELECT u.email FROM app_user u WHERE u.active
         AND u.email <> ALL($1::text[])
         AND NOT EXISTS (SELECT 1 FROM login_attempt a WHERE lower(a.email) = lower(u.email) AND NOT a.succeeded
                         AND a.attempted_at > now() - interval '1 day')
       ORDER BY u.email LIMIT 1`,
      [[...options.cookies.keys()]],
    )
  ).rows[0]?.email;
  if (!victim) problems.push("no user left for the rate-limit check");
  else {
    await signIn(base(appPorts[0]!), victim, BENCH_PASSWORD); // the right password works first
    for (let i = 0; i < maxFailures; i++) {
      await signIn(base(appPorts[i % appPorts.length]!), victim, "wrong-password").then(
        () => problems.push(`a wrong password signed ${victim} in`),
        () => undefined,
      );
    }
    const refused: number[] = [];
    for (const port of appPorts)
      await signIn(base(port), victim, BENCH_PASSWORD).then(
        () => problems.push(`after ${maxFailures} failures over both instances, ${victim} still signed in on ${port}`),
        () => refused.push(port),
      );
    lines.push(
      `  login rate limit: ${maxFailures} failures alternating between the instances lock ${victim} on ${refused.length} of ${appPorts.length} instances`,
    );
  }

  // 3. The read API's per-token rate limit is shared: requests alternating between the instances
  // add up to one count (the instances run with API_RATE_LIMIT_PER_MINUTE = API_LIMIT).
  const holder = (
    await pool.query<{ id: string }>(
      `SELECT u.id FROM app_user u JOIN membership m ON m.user_id = u.id AND m.role = 'FINANCE'
       WHERE u.active ORDER BY u.email LIMIT 1`,
    )
  ).rows[0];
  if (!holder) problems.push("no finance user to hold an API token");
  else {
    const token = generateToken();
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO api_token (user_id, name, token_hash, prefix, expires_at)
       VALUES ($1, 'Load bench: shared rate limit', $2, $3, now() + interval '1 hour') RETURNING id`,
      [holder.id, hashToken(token), tokenDisplayPrefix(token)],
    );
    // All in one minute window: start early in a minute.
    if (new Date().getUTCSeconds() > 40)
      await new Promise((r) => setTimeout(r, (61 - new Date().getUTCSeconds()) * 1000));
    const statuses: number[] = [];
    for (let i = 0; i <= API_LIMIT; i++) {
      const r = await fetch(`${base(appPorts[i % appPorts.length]!)}/api/v1/savings-targets`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await r.arrayBuffer();
      statuses.push(r.status);
    }
    await pool.query("DELETE FROM api_token WHERE id = $1", [rows[0]!.id]);
    const allowed = statuses.filter((s) => s === 200).length;
    if (allowed !== API_LIMIT || statuses.at(-1) !== 429)
      problems.push(
        `API rate limit over two instances: ${allowed} of ${API_LIMIT + 1} allowed, last HTTP ${statuses.at(-1)}`,
      );
    lines.push(
      `  API rate limit: ${API_LIMIT + 1} requests with one token, alternating between the instances: ${allowed} answered, then HTTP ${statuses.at(-1)}`,
    );
  }

  // 4. Two gateway decisions racing on two instances, on RACES schemes (one director each).
  const candidates = (
    await pool.query<{ id: string; code: string; email: string }>(
      `SELECT DISTINCT ON (s.submitted_at, s.code) s.id, s.code, u.email FROM scheme s
       JOIN membership m ON m.organisation_id = s.organisation_id AND m.role = 'FINANCE' AND COALESCE(m.finance_capacity, 'DIRECTOR') = 'DIRECTOR'
       JOIN app_user u ON u.id = m.user_id AND u.active AND u.id <> s.lead_id
       WHERE s.stage = 'OPPORTUNITY' AND s.submitted_gate = 1
       ORDER BY s.submitted_at NULLS LAST, s.code, u.email LIMIT $1`,
      [RACES],
    )
  ).rows;
  if (candidates.length < RACES)
    problems.push(`${candidates.length} schemes awaiting gateway 1 for ${RACES} races (regenerate the bench data)`);
  for (const candidate of candidates) {
    const cookie =
      options.cookies.get(candidate.email) ?? (await signIn(options.publicUrl, candidate.email, BENCH_PASSWORD));
    const before = await decisions(pool, candidate.id);
    // Both posts carry the form as one page load rendered it (same version).
    const page = await fetch(`${base(appPorts[0]!)}/schemes/${candidate.id}`, { headers: { cookie } });
    const fields = formFields(await page.text(), "decision");
    if (!fields) problems.push(`no gateway decision form on ${candidate.code}'s page for ${candidate.email}`);
    else {
      fields.set("decision", "APPROVE");
      fields.set("reason", "Load bench: the same approval on two instances at once");
      const post = async (port: number) => {
        const { body, contentType } = actionBody(fields);
        const r = await fetch(`${base(port)}/schemes/${candidate.id}`, {
          method: "POST",
          headers: actionHeaders({
            actionId: options.decideActionId,
            origin: base(port),
            cookie,
            contentType,
            routerState: schemePageRouterState(candidate.id),
          }),
          body,
        });
        const result = actionResult(await r.text());
        return {
          port,
          status: r.status,
          approved: result?.ok === true && result.message === "Gateway approved.",
          result,
        };
      };
      const outcomes = await Promise.all(appPorts.map(post));
      const after = await decisions(pool, candidate.id);
      const added = after.approvals - before.approvals;
      const approvedResponses = outcomes.filter((o) => o.approved).length;
      if (added !== 1)
        problems.push(`racing approvals of ${candidate.code} recorded ${added} gateway 1 approvals (expected 1)`);
      if (approvedResponses !== 1)
        problems.push(
          `racing approvals of ${candidate.code}: ${approvedResponses} responses said approved (expected 1)`,
        );
      for (const o of outcomes) {
        if (o.status !== 200) problems.push(`racing approval on ${o.port}: HTTP ${o.status}`);
        else if (!o.result) problems.push(`racing approval on ${o.port}: no action result in the response`);
      }
      const refusals = outcomes.filter((o) => o.result && !o.result.ok).map((o) => o.result!.message);
      lines.push(
        `  gateway race: ${candidate.code} approved at gateway 1 from both instances at once: ${added} decision recorded, ` +
          `${approvedResponses} response approved, ${refusals.length} refused (${refusals.map((m) => `"${m}"`).join(", ")}); stage now ${after.stage}`,
      );
    }
  }
  return { text: lines.join("\n"), problems, json: { lines } };
}

const RACES = 5;
/** The read API's per-minute limit the bench's instances run with (small, so the check is quick). */
export const API_LIMIT = 20;

async function decisions(pool: pg.Pool, schemeId: string) {
  const r = await pool.query<{ approvals: number; stage: string }>(
    `SELECT (SELECT count(*)::int FROM gateway_decision d WHERE d.scheme_id = s.id AND d.gate = 1 AND d.kind = 'APPROVED') AS approvals, s.stage
     FROM scheme s WHERE s.id = $1`,
    [schemeId],
  );
  return r.rows[0]!;
}
