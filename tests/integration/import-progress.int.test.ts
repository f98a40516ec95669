import { beforeAll, describe, expect, it, vi } from "vitest";
import { MONTH_COLUMNS, SCHEME_COLUMNS } from "@/modules/imports/import-columns";
import type { ImportStreamLine } from "@/modules/imports/import-stream";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { createImportWorld, workbookBuffer, type ImportWorld } from "../factories/imports";
import { lastAuditId, auditEventsAfter } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The streamed import route (issue 12 item 6): the page gets a progress line as each phase ends
 * (rows read, checked, schemes / months / risks written, done) and then the result; refusals
 * come before any work, with their status, and are audited. The route reads the session, so
 * the session module is replaced by one that returns a chosen actor.
 */

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({
  getActor: async () => session.actor,
  getSignedInActor: async () => session.actor,
}));
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => revalidated.push(path) }));
const { POST } = await import("@/app/api/imports/run/route");

const SCHEMES = 450; // 450 schemes + 5,400 months: the reader reports after 5,000 rows
let w: ImportWorld;
let bytes: Buffer;
const tag = `PRG${Date.now().toString(36).toUpperCase()}`;

function post(fields: Record<string, string | Blob>, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return POST(new Request("http://localhost/api/imports/run", { method: "POST", body: form, headers }));
}

const upload = (step: string, extra: Record<string, string> = {}) =>
  post({ step, file: new File([new Uint8Array(bytes)], "tracker.xlsx"), ...extra });

async function lines(response: Response): Promise<ImportStreamLine[]> {
  expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
  return (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ImportStreamLine);
}

const phases = (all: ImportStreamLine[]) => all.flatMap((l) => (l.type === "progress" ? [`${l.phase} ${l.done}`] : []));

function result(all: ImportStreamLine[]) {
  const last = all.at(-1)!;
  if (last.type !== "result") throw new Error(`the last line is ${JSON.stringify(last)}`);
  return last.state;
}

describe("the streamed import's progress", () => {
  useTestDatabase();

  beforeAll(async () => {
    w = await createImportWorld();
    const year = new Date().getUTCMonth() >= 3 ? new Date().getUTCFullYear() : new Date().getUTCFullYear() - 1;
    const fy = `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
    const schemes = Array.from({ length: SCHEMES }, (_, i) => {
      const values: Record<string, string | number> = {
        code: `${tag}-${i + 1}`,
        title: `Progress scheme ${i + 1}`,
        description: "Imported by the progress test",
        organisation: w.trust.code,
        lead: w.leadEmail,
        category: "Pay",
        recurrence: "Recurrent",
        financialYear: fy,
        fullYearEffect: 120_000,
        inYearValue: 60_000,
      };
      return SCHEME_COLUMNS.map((c) => values[c.key] ?? null);
    });
    bytes = await workbookBuffer({
      Schemes: [SCHEME_COLUMNS.map((c) => c.header), ...schemes],
      Months: [
        MONTH_COLUMNS.slice(0, 5).map((c) => c.header),
        ...schemes.flatMap((s) => Array.from({ length: 12 }, (_, m) => [s[0]!, fy, `M${m + 1}`, 5_000, 5_000])),
      ],
    });
  });

  it("reports reading, checking and writing as each ends, then the result", { timeout: 60_000 }, async () => {
    session.actor = w.finance;
    const rows = SCHEMES * 13;
    const preview = await lines(await upload("preview"));
    expect(phases(preview)).toEqual(["reading 5000", `parsed ${rows}`, `validated ${rows}`]);
    const checked = result(preview);
    if (!checked.ok || !("counts" in checked.data)) throw new Error(JSON.stringify(checked));
    expect(checked.data.counts).toMatchObject({ create: SCHEMES, months: SCHEMES * 12 });
    expect(await db().scheme.count({ where: { code: { startsWith: `${tag}-` } } })).toBe(0);

    const imported = await lines(await upload("import", { sha256: checked.data.sha256 }));
    expect(phases(imported)).toEqual([
      "reading 5000",
      `parsed ${rows}`,
      `validated ${rows}`,
      `schemes written ${SCHEMES}`,
      `months written ${SCHEMES * 12}`,
      "risks written 0",
      "done 1",
    ]);
    const done = result(imported);
    expect(done).toMatchObject({ ok: true, message: "Imported.", data: { status: "imported" } });
    expect(await db().scheme.count({ where: { code: { startsWith: `${tag}-` } } })).toBe(SCHEMES);
    expect(revalidated).toEqual(["/schemes", "/dashboard", "/"]);

    // The same file again: read and checked, nothing to write.
    const again = await lines(await upload("import", { sha256: checked.data.sha256 }));
    expect(phases(again)).toEqual(["reading 5000", `parsed ${rows}`, `validated ${rows}`]);
    expect(result(again)).toMatchObject({ ok: true, data: { status: "nothing-to-do" } });
  });

  it("ends with the file's problem when the file is not a spreadsheet", async () => {
    session.actor = w.finance;
    const all = await lines(
      await post({ step: "preview", file: new File(["MZ\x90\x00 not a workbook"], "tracker.xlsx") }),
    );
    expect(phases(all)).toEqual([]);
    expect(result(all)).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringMatching(/program/i)] } });
  });

  it("refuses before any work: no session, another site, a lead (audited), no file", async () => {
    session.actor = null;
    const anonymous = await upload("preview");
    expect(anonymous.status).toBe(401);
    expect(result(await lines(anonymous))).toEqual({
      ok: false,
      message: "Your session has ended. Sign in again, then retry.",
    });

    session.actor = w.finance;
    const crossSite = await POST(
      new Request("http://localhost/api/imports/run", {
        method: "POST",
        body: new FormData(),
        headers: { origin: "https://evil.example", host: "localhost" },
      }),
    );
    expect(crossSite.status).toBe(403);

    session.actor = w.lead;
    const audit = await lastAuditId();
    const refused = await upload("import", { sha256: "0".repeat(64) });
    expect(refused.status).toBe(403);
    expect(result(await lines(refused))).toEqual({
      ok: false,
      message: "Only finance users can import spreadsheets into the app.",
    });
    const events = await auditEventsAfter(audit);
    expect(events.map((e) => [e.action, e.entityId, e.actorId])).toEqual([
      ["access.denied", "runImport", w.lead.userId],
    ]);
    expect(JSON.stringify(events[0]!.after)).toContain('"fileName":"tracker.xlsx"');
    expect(JSON.stringify(events[0]!.after)).not.toContain("PK");

    session.actor = w.finance;
    const empty = await post({ step: "preview" });
    expect(empty.status).toBe(400);
    expect(result(await lines(empty))).toMatchObject({
      ok: false,
      fieldErrors: { file: ["Choose the .xlsx workbook or a .csv file to upload"] },
    });
  });
});
