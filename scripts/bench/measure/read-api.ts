import { createApiToken } from "../../../src/modules/api-tokens/create-api-token";
import { revokeApiToken } from "../../../src/modules/api-tokens/revoke-api-token";
import { serveEndpoint } from "../../../src/modules/read-api/read-endpoint";
import { READ_ENDPOINTS } from "../../../src/modules/read-api/read-endpoints";
import type { Actor } from "../../../src/server/auth/actor";
import { peakMemory } from "./memory";
import { measure, timed, type Measured } from "./timing";

/**
 * Issue 15's speed rows, through the endpoints' own route handlers with a real personal token
 * of the system PMO: every scheme month of the system streamed as CSV (read to the end, timed
 * once per run, with the process's peak memory), and a JSON page of 1,000 schemes (p50).
 */

const ORIGIN = "http://127.0.0.1:3000";

async function call(name: string, token: string, query: string) {
  const endpoint = READ_ENDPOINTS.find((e) => e.name === name);
  if (!endpoint) throw new Error(`No read endpoint ${name}`);
  const response = await serveEndpoint(endpoint)(
    new Request(`${ORIGIN}/api/v1/${name}?${query}`, { headers: { Authorization: `Bearer ${token}` } }),
  );
  if (response.status !== 200) throw new Error(`${name}: ${response.status} ${await response.text()}`);
  return response;
}

/** Reads a streamed body to the end, counting lines without keeping them. */
async function countLines(response: Response): Promise<number> {
  let lines = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const byte of value) if (byte === 10) lines++;
  }
  return lines;
}

export async function benchReadApi(
  pmo: Actor,
  options: { runs: number; warmup: number; csvRuns: number; year: number; log: (line: string) => void },
): Promise<{ rows: Measured[]; failures: string[] }> {
  const failures: string[] = [];
  const created = await createApiToken(pmo, { name: "npm run bench", expiresInDays: 1 });
  const token = created.token;
  try {
    options.log("Measuring the read API: scheme months as CSV (whole system), a JSON page of 1,000 schemes ...");
    const expected = await call("scheme-months", token, "limit=1").then((r) => r.json() as Promise<{ total: number }>);
    const csvSamples: number[] = [];
    let peak = 0;
    let lines = 0;
    for (let i = 0; i < options.csvRuns; i++) {
      const r = await peakMemory(() => timed(async () => countLines(await call("scheme-months", token, "format=csv"))));
      csvSamples.push(r.value.ms);
      peak = Math.max(peak, r.peakMb);
      lines = r.value.value;
    }
    // The header line, then one line per row.
    if (lines - 1 !== expected.total)
      failures.push(`read API: the CSV has ${lines - 1} rows, the JSON total says ${expected.total}`);
    // A full page of 1,000 where the year has that many schemes (the smoke data has fewer).
    const schemes = await call("schemes", token, `year=${options.year}&limit=1`).then(
      (r) => r.json() as Promise<{ total: number }>,
    );
    const pageSize = Math.min(1000, schemes.total);
    const page = await measure(options.runs, options.warmup, async () => {
      const body = (await (await call("schemes", token, `year=${options.year}&limit=1000`)).json()) as {
        data: unknown[];
      };
      if (body.data.length !== pageSize)
        throw new Error(`read API: a page of ${body.data.length} schemes, not ${pageSize}`);
    });
    return {
      failures,
      rows: [
        {
          name: "read API: /api/v1/scheme-months as CSV, whole system (streamed)",
          samples: csvSamples,
          note: `${expected.total.toLocaleString("en-GB")} rows; peak RSS ${peak} MB`,
        },
        { name: `read API: /api/v1/schemes, a JSON page of ${pageSize.toLocaleString("en-GB")}`, ...page },
      ],
    };
  } finally {
    await revokeApiToken(pmo, { tokenId: created.id });
  }
}
