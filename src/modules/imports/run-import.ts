import { createHash, randomUUID } from "node:crypto";
import { recordAudit, recordAudits, type AuditEntry } from "@/modules/audit/record-audit";
import { auditMonths } from "@/modules/schemes/financials/month-changes";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { DomainError, forbidden } from "@/server/errors";
import { importOrganisations } from "./import-reference";
import { writeRisks } from "./write-import-risks";
import { changesAnything, type ImportCounts } from "./import-counts";
import { planImport, type ImportPlan, type PlannedScheme } from "./plan-import";
import type { ImportPhase } from "./import-progress";
import { problemSentence, readImportFile, type ImportProblem } from "./read-import-file";

/**
 * Upload -> preview -> import. The preview parses, validates and plans without writing; the
 * import does it all again inside one transaction (so it acts on the database as it is then,
 * not as it was at the preview: 2-3 s for 5,000 schemes, so no previewed plan is kept) and
 * writes every scheme, month and audit event, or nothing.
 */

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface PreviewProblem extends ImportProblem {
  sentence: string;
}

export interface ImportPreview {
  fileName: string;
  sha256: string;
  counts: ImportCounts;
  problems: PreviewProblem[];
  ignoredColumns: { sheet: string; headers: string[] }[];
  /** The first schemes to create or update, for the preview table. */
  changes: { kind: "create" | "update"; code: string; title: string; changedFields: string[] }[];
}

export interface ImportOptions {
  now?: Date;
  /** Told as each phase ends, and every few thousand rows read (the page's progress; tests inject a failure here). */
  onProgress?: (phase: ImportPhase, detail: { done: number; total: number }) => void | Promise<void>;
  maxBytes?: number;
}

const PREVIEW_CHANGES = 200;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function assertMayImport(actor: Actor) {
  if (importOrganisations(actor).length === 0)
    throw forbidden("Only finance users can import spreadsheets into the app.");
}

function previewOf(file: UploadedFile, hash: string, plan: ImportPlan): ImportPreview {
  return {
    fileName: file.fileName,
    sha256: hash,
    counts: plan.counts,
    problems: plan.problems.map((p) => ({ ...p, sentence: problemSentence(p) })),
    ignoredColumns: plan.ignoredColumns,
    changes: plan.schemes
      .filter((s): s is PlannedScheme & { kind: "create" | "update" } => s.kind !== "unchanged")
      .slice(0, PREVIEW_CHANGES)
      .map((s) => ({
        kind: s.kind,
        code: s.code,
        title: s.data?.title ?? s.existing?.title ?? "",
        changedFields: s.monthsChanged ? [...s.changedFields, "months"] : s.changedFields,
      })),
  };
}

async function readAndPlan(
  client: Tx | ReturnType<typeof db>,
  actor: Actor,
  file: UploadedFile,
  options: ImportOptions,
) {
  const onRows = options.onProgress && ((rows: number) => options.onProgress!("reading", { done: rows, total: 0 }));
  const read = await readImportFile(file.bytes, file.fileName, options.maxBytes, onRows);
  if (!read.ok) throw new DomainError("INVALID", read.error, { file: [read.error] });
  const f = read.file;
  const rows = (f.schemes?.rows.length ?? 0) + (f.months?.rows.length ?? 0) + (f.risks?.rows.length ?? 0);
  await options.onProgress?.("parsed", { done: rows, total: rows });
  const plan = await planImport(client, actor, read.file, options.now ?? new Date());
  await options.onProgress?.("validated", { done: rows, total: rows });
  return plan;
}

/** What the file would do; writes nothing. */
export async function previewImport(
  actor: Actor,
  file: UploadedFile,
  options: ImportOptions = {},
): Promise<ImportPreview> {
  assertMayImport(actor);
  const plan = await readAndPlan(db(), actor, file, options);
  return previewOf(file, sha256(file.bytes), plan);
}

export type ImportOutcome =
  | { status: "imported"; importRunId: string; preview: ImportPreview }
  | { status: "nothing-to-do"; preview: ImportPreview }
  | { status: "invalid"; preview: ImportPreview };

/**
 * Imports the file the user previewed (`expectedSha256`): everything in one transaction with
 * one audit event for the import (file name, SHA-256, counts) and each record's own events.
 * A file with any problem writes nothing; a file that changes nothing writes nothing.
 */
export async function runImport(
  actor: Actor,
  file: UploadedFile,
  expectedSha256: string | undefined,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  assertMayImport(actor);
  const hash = sha256(file.bytes);
  if (expectedSha256 && expectedSha256 !== hash)
    throw new DomainError("INVALID", "This is not the file you previewed. Preview it again, then import.");
  const now = options.now ?? new Date();
  return db().$transaction(
    async (tx) => {
      // Serialises with scheme creation at these organisations (reference numbers).
      for (const o of importOrganisations(actor).sort((a, b) => a.id.localeCompare(b.id)))
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scheme-code:${o.id}`}))`;
      const plan = await readAndPlan(tx, actor, file, { ...options, now });
      const preview = previewOf(file, hash, plan);
      if (plan.problems.length > 0) return { status: "invalid" as const, preview };
      if (!changesAnything(plan.counts)) return { status: "nothing-to-do" as const, preview };
      const importRunId = await writePlan(tx, actor, plan, file.fileName, hash, options);
      await options.onProgress?.("done", { done: 1, total: 1 });
      return { status: "imported" as const, importRunId, preview };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

/** The app's own numbering ("LTH-CIP-0042") keeps its number; other codes take the next free ones. */
async function codeNumbers(tx: Tx, creates: PlannedScheme[]) {
  const numbers = new Map<string, number>();
  const byOrganisation = new Map<string, PlannedScheme[]>();
  for (const s of creates) {
    const list = byOrganisation.get(s.organisationId) ?? [];
    list.push(s);
    byOrganisation.set(s.organisationId, list);
  }
  for (const [organisationId, schemes] of byOrganisation) {
    const organisation = await tx.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { code: true },
    });
    const own = new RegExp(`^${organisation.code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(?:CIP|QIPP)-(\\d{1,5})$`);
    const last = await tx.scheme.aggregate({ where: { organisationId }, _max: { codeNumber: true } });
    const wanted = schemes.map((s) => ({ s, n: Number(own.exec(s.code)?.[1] ?? 0) }));
    const taken = new Set(
      (
        await tx.scheme.findMany({
          where: { organisationId, codeNumber: { in: wanted.filter((w) => w.n > 0).map((w) => w.n) } },
          select: { codeNumber: true },
        })
      ).map((r) => r.codeNumber),
    );
    let next = Math.max(last._max.codeNumber ?? 0, ...wanted.map((w) => w.n)) + 1;
    for (const { s, n } of wanted) {
      if (n > 0 && !taken.has(n)) {
        numbers.set(s.key, n);
        taken.add(n);
      } else numbers.set(s.key, next++);
    }
  }
  return numbers;
}

type SchemeRow = NonNullable<PlannedScheme["data"]> & {
  id: string;
  organisationId: string;
  code: string;
  codeNumber: number;
  type: PlannedScheme["type"];
  stage: NonNullable<PlannedScheme["stage"]>;
};

const text = (v: bigint | number | null | undefined) => (v === null || v === undefined ? null : String(v));

/**
 * Every new scheme in one INSERT ... SELECT FROM unnest (one array a column): a 5,000-scheme
 * import was 9 s through createMany's per-row query building, and is well under one here.
 */
async function insertSchemes(tx: Tx, rows: SchemeRow[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof SchemeRow>(key: K) => rows.map((r) => r[key]);
  await tx.$executeRaw`
    INSERT INTO scheme (id, organisation_id, code, code_number, type, stage, title, description, division_id,
      workstream_id, lead_id, category, sub_category, recurrent, cash_releasing, financial_year,
      full_year_effect_pence, in_year_value_pence, start_month, wte_substantive, wte_bank, wte_agency, rag)
    SELECT * FROM unnest(
      ${col("id")}::uuid[], ${col("organisationId")}::uuid[], ${col("code")}::text[], ${col("codeNumber")}::int[],
      ${col("type")}::scheme_type[], ${col("stage")}::scheme_stage[], ${col("title")}::text[],
      ${col("description")}::text[], ${col("divisionId")}::uuid[], ${col("workstreamId")}::uuid[],
      ${col("leadId")}::uuid[], ${col("category")}::scheme_category[], ${col("subCategory")}::text[],
      ${col("recurrent")}::boolean[], ${col("cashReleasing")}::boolean[], ${col("financialYear")}::int[],
      ${rows.map((r) => text(r.fullYearEffectPence))}::bigint[], ${rows.map((r) => text(r.inYearValuePence))}::bigint[],
      ${col("startMonth")}::int[], ${rows.map((r) => String(r.wteSubstantive))}::numeric[],
      ${rows.map((r) => String(r.wteBank))}::numeric[], ${rows.map((r) => String(r.wteAgency))}::numeric[],
      ${col("rag")}::delivery_rag[]
    )`;
}

interface MonthRow {
  schemeId: string;
  financialYear: number;
  month: number;
  plan: number | null;
  forecast: number | null;
  actual: number | null;
}

/** All changed months in one statement (the roll-up triggers are per statement, so they run once). */
async function upsertMonths(tx: Tx, rows: MonthRow[]) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO scheme_month (scheme_id, financial_year, month, plan_pence, forecast_pence, actual_pence)
    SELECT * FROM unnest(
      ${rows.map((r) => r.schemeId)}::uuid[], ${rows.map((r) => r.financialYear)}::int[],
      ${rows.map((r) => r.month)}::int[], ${rows.map((r) => text(r.plan))}::bigint[],
      ${rows.map((r) => text(r.forecast))}::bigint[], ${rows.map((r) => text(r.actual))}::bigint[]
    )
    ON CONFLICT (scheme_id, financial_year, month) DO UPDATE
      SET plan_pence = EXCLUDED.plan_pence, forecast_pence = EXCLUDED.forecast_pence, actual_pence = EXCLUDED.actual_pence`;
}

async function writePlan(
  tx: Tx,
  actor: Actor,
  plan: ImportPlan,
  fileName: string,
  hash: string,
  options: ImportOptions,
): Promise<string> {
  const run = await tx.importRun.create({
    data: {
      actorId: actor.userId,
      fileName: fileName.slice(0, 255),
      sha256: hash,
      counts: { ...plan.counts, risks: { ...plan.counts.risks } },
    },
  });
  const creates = plan.schemes.filter((s) => s.kind === "create");
  const updates = plan.schemes.filter((s) => s.kind === "update");
  const ids = new Map<string, string>();
  for (const s of plan.schemes) if (s.existing) ids.set(s.key, s.existing.id);
  const audits: AuditEntry[] = [];

  const numbers = await codeNumbers(tx, creates);
  const rows = creates.map((s): SchemeRow => {
    const id = randomUUID();
    ids.set(s.key, id);
    return {
      id,
      organisationId: s.organisationId,
      code: s.code,
      codeNumber: numbers.get(s.key)!,
      type: s.type,
      stage: s.stage ?? "OPPORTUNITY",
      ...s.data!,
    };
  });
  await insertSchemes(tx, rows);
  const stageLoads = creates
    .filter((s) => s.stage)
    .map((s) => ({ schemeId: ids.get(s.key)!, importRunId: run.id, stage: s.stage! }));
  if (stageLoads.length > 0) await tx.schemeStageImport.createMany({ data: stageLoads });
  for (const row of rows)
    audits.push({
      action: "scheme.create",
      entityType: "scheme",
      entityId: row.id,
      organisationId: row.organisationId,
      after: { ...row, importRunId: run.id },
    });

  for (const s of updates) {
    const before = s.existing!;
    const data = s.changedFields.length > 0 ? s.data! : {};
    const { count } = await tx.scheme.updateMany({
      where: { id: before.id, version: before.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0)
      throw new DomainError(
        "STALE",
        `Scheme ${s.code} was changed by someone else during the import. Nothing was imported; try again.`,
      );
    if (s.changedFields.length > 0)
      audits.push({
        action: "scheme.update",
        entityType: "scheme",
        entityId: before.id,
        organisationId: before.organisationId,
        before,
        after: { ...before, ...data, version: before.version + 1, importRunId: run.id },
      });
  }
  await options.onProgress?.("schemes written", {
    done: creates.length + updates.length,
    total: creates.length + updates.length,
  });

  const months: MonthRow[] = [];
  for (const year of plan.years) {
    const schemeId = ids.get(year.key)!;
    for (const month of year.changed)
      months.push({ schemeId, financialYear: year.financialYear, month, ...year.after[month - 1]! });
    audits.push({
      action: "scheme.financials.import",
      entityType: "scheme",
      entityId: schemeId,
      organisationId: year.key.slice(0, year.key.indexOf("|")),
      before: { financialYear: year.financialYear, months: auditMonths(year.before, year.changed) },
      after: {
        financialYear: year.financialYear,
        months: auditMonths(year.after, year.changed),
        reasons: year.reasons,
        importRunId: run.id,
      },
    });
  }
  await upsertMonths(tx, months);
  await options.onProgress?.("months written", { done: months.length, total: months.length });

  const riskAudits = await writeRisks(tx, actor, plan.risks, ids, run.id);
  audits.push(...riskAudits);
  await options.onProgress?.("risks written", { done: riskAudits.length, total: riskAudits.length });

  await recordAudits(tx, actor, audits);
  const organisations = [...new Set(plan.schemes.map((s) => s.organisationId))];
  await recordAudit(tx, actor, {
    action: "import.run",
    entityType: "import_run",
    entityId: run.id,
    organisationId: organisations.length === 1 ? organisations[0] : null,
    after: { fileName, sha256: hash, counts: plan.counts },
  });
  return run.id;
}
