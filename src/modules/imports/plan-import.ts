import { Prisma } from "@/generated/prisma/client";
import type { SchemeStage, SchemeType } from "@/generated/prisma/enums";
import type { FinancialMonth, FinancialYear } from "@/lib/financial-year";
import { checkChanges, changedMonths, yearFromRows, type YearValues } from "@/modules/schemes/financials/month-changes";
import type { GridRow } from "@/modules/schemes/financials/month-grid";
import { SCHEME_STAGE_LABELS } from "@/modules/schemes/scheme-rules";
import { schemeData } from "@/modules/schemes/scheme-writes";
import type { Actor } from "@/server/auth/actor";
import type { Db, Tx } from "@/server/db";
import type { MonthColumnKey } from "./import-columns";
import { importOrganisations, loadOrganisationReference, type OrganisationReference } from "./import-reference";
import type { ImportCounts } from "./import-counts";
import { planRisks, riskCounts, type PlannedRisk } from "./import-risks";
import type { ImportFile, ImportProblem } from "./read-import-file";
import {
  codeOf,
  validateMonthRow,
  validateSchemeRow,
  type OrganisationContext,
  type ValidMonth,
  type ValidScheme,
} from "./validate-import";
import { cellText } from "./import-values";

/**
 * What an import would do, worked out against the database without writing: each scheme to
 * create, update or leave unchanged (matched by reference code within its organisation), each
 * scheme-year's months before and after, and every row the rules refuse. The preview shows it;
 * the import recomputes it inside its transaction and writes it.
 */

type Client = Db | Tx;

const EXISTING_SELECT = {
  id: true,
  organisationId: true,
  code: true,
  type: true,
  leadId: true,
  stage: true,
  version: true,
  planLockedAt: true,
  title: true,
  description: true,
  divisionId: true,
  workstreamId: true,
  category: true,
  subCategory: true,
  recurrent: true,
  cashReleasing: true,
  financialYear: true,
  fullYearEffectPence: true,
  inYearValuePence: true,
  startMonth: true,
  wteSubstantive: true,
  wteBank: true,
  wteAgency: true,
  rag: true,
} as const;
export type ExistingScheme = Prisma.SchemeGetPayload<{ select: typeof EXISTING_SELECT }>;

export interface PlannedScheme {
  kind: "create" | "update" | "unchanged";
  /** organisationId + code. */
  key: string;
  organisationId: string;
  code: string;
  type: SchemeType;
  row?: number;
  /** The scheme's data as it would be written (create/update), from the form's own mapping. */
  data?: ReturnType<typeof schemeData> & { leadId: string };
  stage?: SchemeStage;
  existing?: ExistingScheme;
  /** Fields changed (update), for the preview. */
  changedFields: string[];
  monthsChanged: boolean;
}

export interface PlannedYear {
  key: string;
  financialYear: FinancialYear;
  before: YearValues;
  after: YearValues;
  changed: FinancialMonth[];
  reasons: string[];
}

export interface ImportPlan {
  schemes: PlannedScheme[];
  years: PlannedYear[];
  risks: PlannedRisk[];
  problems: ImportProblem[];
  ignoredColumns: ImportFile["ignoredColumns"];
  counts: ImportCounts;
}

const keyOf = (organisationId: string, code: string) => `${organisationId}|${code}`;

async function organisationContexts(client: Client, actor: Actor, file: ImportFile) {
  const codes = new Set<string>();
  for (const r of file.schemes?.rows ?? []) {
    const t = cellText(r.cells.organisation);
    if (t.ok && t.text.trim()) codes.add(t.text.trim().toUpperCase());
  }
  for (const r of file.months?.rows ?? []) {
    const t = cellText(r.cells.organisation);
    if (t.ok && t.text.trim()) codes.add(t.text.trim().toUpperCase());
  }
  const importable = importOrganisations(actor);
  const found = await client.organisation.findMany({
    where: { OR: [{ code: { in: [...codes], mode: "insensitive" } }, { id: { in: importable.map((o) => o.id) } }] },
    select: { id: true, code: true, name: true },
  });
  const contexts = new Map<string, OrganisationContext>();
  for (const o of found) {
    const mayImport = importable.some((i) => i.id === o.id);
    // Only organisations the actor imports into have their lists loaded (and only those used).
    const used = codes.has(o.code.toUpperCase());
    const reference =
      mayImport && used
        ? await loadOrganisationReference(o.id, client)
        : { ...emptyReference, id: o.id, code: o.code, name: o.name };
    contexts.set(o.code.toLowerCase(), { reference, mayImport });
  }
  return { contexts, importableIds: importable.map((o) => o.id) };
}

const emptyReference = {
  type: "TRUST" as const,
  holdsDelegatedQipp: false,
  divisions: new Map<string, string>(),
  divisionNames: [],
  workstreams: new Map<string, string>(),
  workstreamLabels: [],
  leads: new Map<string, string>(),
  leadLabels: [],
};

function sameDecimal(a: Prisma.Decimal, b: string): boolean {
  return a.equals(new Prisma.Decimal(b));
}

/** The fields of an existing scheme the row would change. */
function changedFields(existing: ExistingScheme, data: NonNullable<PlannedScheme["data"]>): string[] {
  const changed: string[] = [];
  const plain = [
    "title",
    "description",
    "divisionId",
    "workstreamId",
    "category",
    "subCategory",
    "recurrent",
    "cashReleasing",
    "financialYear",
    "fullYearEffectPence",
    "inYearValuePence",
    "startMonth",
    "rag",
    "leadId",
  ] as const;
  for (const field of plain) if (existing[field] !== data[field]) changed.push(field);
  for (const field of ["wteSubstantive", "wteBank", "wteAgency"] as const)
    if (!sameDecimal(existing[field], data[field])) changed.push(field);
  return changed;
}

function planSchemes(
  valid: ValidScheme[],
  existing: Map<string, ExistingScheme>,
  problems: ImportProblem[],
  sheet: string,
  at: (row: number) => { letter: string; header: string },
): PlannedScheme[] {
  return valid.flatMap((v): PlannedScheme[] => {
    const key = keyOf(v.organisationId, v.code);
    const data = { ...schemeData(v.fields), leadId: v.leadId };
    const before = existing.get(key);
    if (!before) {
      return [
        {
          kind: "create" as const,
          key,
          organisationId: v.organisationId,
          code: v.code,
          type: v.type,
          row: v.row,
          data,
          stage: v.stage,
          changedFields: [],
          monthsChanged: false,
        },
      ];
    }
    if (v.stage && v.stage !== before.stage) {
      problems.push({
        sheet,
        row: v.row,
        column: at(v.row),
        message: `the scheme is already in the app at stage ${SCHEME_STAGE_LABELS[before.stage]}; stages of schemes in the app move only through gateways (leave the cell blank or as it is)`,
      });
      return [];
    }
    const changed = changedFields(before, data);
    return [
      {
        kind: changed.length > 0 ? ("update" as const) : ("unchanged" as const),
        key,
        organisationId: v.organisationId,
        code: v.code,
        type: before.type,
        row: v.row,
        data,
        existing: before,
        changedFields: changed,
        monthsChanged: false,
      },
    ];
  });
}

const GRID_COLUMN: Record<GridRow, MonthColumnKey> = { plan: "plan", forecast: "forecast", actual: "actual" };

export async function planImport(client: Client, actor: Actor, file: ImportFile, now: Date): Promise<ImportPlan> {
  const problems: ImportProblem[] = [...file.problems];
  const { contexts, importableIds } = await organisationContexts(client, actor, file);

  // Schemes sheet: each row through the scheme form's schema; duplicates refused.
  const validSchemes: ValidScheme[] = [];
  const failedCodes = new Map<string, number>();
  const firstRowOf = new Map<string, number>();
  const schemeSheet = file.schemes;
  for (const row of schemeSheet?.rows ?? []) {
    const result = validateSchemeRow(row, schemeSheet!.sheet, contexts);
    problems.push(...result.problems);
    const code = codeOf(row.cells.code);
    if (!result.scheme) {
      if (code.ok) failedCodes.set(code.code, row.row);
      continue;
    }
    const key = keyOf(result.scheme.organisationId, result.scheme.code);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      problems.push({
        sheet: schemeSheet!.sheet,
        row: row.row,
        column: row.at("code"),
        message: `the reference code ${result.scheme.code} is also on row ${first}; each scheme once`,
      });
      continue;
    }
    firstRowOf.set(key, row.row);
    validSchemes.push(result.scheme);
  }

  // Months sheet rows, validated before any lookup.
  const validMonths: ValidMonth[] = [];
  const monthSheet = file.months;
  for (const row of monthSheet?.rows ?? []) {
    const result = validateMonthRow(row, monthSheet!.sheet, contexts);
    problems.push(...result.problems);
    if (result.month) validMonths.push(result.month);
  }

  // Existing schemes with any code the file names, at the organisations the actor imports into.
  const riskCodes = (file.risks?.rows ?? []).flatMap((r) => {
    const c = codeOf(r.cells.code);
    return c.ok ? [c.code] : [];
  });
  const codes = [...new Set([...validSchemes.map((s) => s.code), ...validMonths.map((m) => m.code), ...riskCodes])];
  const existingRows = codes.length
    ? await client.scheme.findMany({
        where: { organisationId: { in: importableIds }, code: { in: codes } },
        select: EXISTING_SELECT,
      })
    : [];
  const existing = new Map(existingRows.map((s) => [keyOf(s.organisationId, s.code), s]));
  const stageColumn = (row: number) => schemeSheet!.rows.find((r) => r.row === row)!.at("stage");
  const schemes = planSchemes(validSchemes, existing, problems, schemeSheet?.sheet ?? "Schemes", stageColumn);
  const planned = new Map(schemes.map((s) => [s.key, s]));

  // Months: each row's scheme (in the file or in the app), then the grid's own rules per month.
  const byCode = new Map<string, string[]>();
  for (const key of new Set([...planned.keys(), ...existing.keys()])) {
    const code = key.slice(key.indexOf("|") + 1);
    const list = byCode.get(code) ?? [];
    list.push(key);
    byCode.set(code, list);
  }
  const years = new Map<string, PlannedYear>();
  const seen = new Map<string, number>();
  const closedCache = new Map<string, Set<number>>();
  const monthRows = monthSheet?.rows ?? [];
  const rowAt = new Map(monthRows.map((r) => [r.row, r]));
  const existingYears = await readExistingYears(
    client,
    existingRows.map((s) => s.id),
    validMonths,
  );
  for (const m of validMonths) {
    const row = rowAt.get(m.row)!;
    const report = (key: MonthColumnKey, message: string) =>
      problems.push({ sheet: monthSheet!.sheet, row: m.row, column: row.at(key), message });
    const candidates = (byCode.get(m.code) ?? []).filter(
      (k) => !m.organisationId || k.startsWith(`${m.organisationId}|`),
    );
    if (candidates.length === 0) {
      const failed = failedCodes.get(m.code);
      report(
        "code",
        failed
          ? `the scheme ${m.code} has errors on the Schemes sheet (row ${failed}); fix that row first`
          : `no scheme has the reference code ${m.code}, in this file or at your organisations`,
      );
      continue;
    }
    if (candidates.length > 1) {
      report("code", `${m.code} exists at more than one of your organisations; fill in the Organisation code column`);
      continue;
    }
    const key = candidates[0]!;
    const monthKey = `${key}|${m.financialYear}|${m.month}`;
    const first = seen.get(monthKey);
    if (first !== undefined) {
      report("month", `this scheme and month are also on row ${first}; each month once`);
      continue;
    }
    seen.set(monthKey, m.row);
    const scheme = planned.get(key);
    const stored = existing.get(key);
    const yearKey = `${key}|${m.financialYear}`;
    let year = years.get(yearKey);
    if (!year) {
      const before = stored
        ? yearFromRows(existingYears.get(`${stored.id}|${m.financialYear}`) ?? [])
        : yearFromRows([]);
      year = {
        key,
        financialYear: m.financialYear,
        before,
        after: before.map((v) => ({ ...v })),
        changed: [],
        reasons: [],
      };
      years.set(yearKey, year);
    }
    const organisationId = key.slice(0, key.indexOf("|"));
    const closedKey = `${organisationId}|${m.financialYear}`;
    let closed = closedCache.get(closedKey);
    if (!closed) {
      const rows = await client.periodClose.findMany({
        where: { organisationId, financialYear: m.financialYear },
        select: { month: true },
      });
      closed = new Set(rows.map((r) => r.month));
      closedCache.set(closedKey, closed);
    }
    // This row alone against the stored year, so each refusal lands on its own row.
    const current = year.after;
    const next = current.map((v, i) =>
      i === m.month - 1
        ? {
            plan: m.plan ?? v.plan,
            forecast: m.forecast ?? v.forecast,
            actual: m.actual ?? v.actual,
          }
        : v,
    );
    const errors = checkChanges(
      year.before,
      next.map((v, i) => (i === m.month - 1 ? v : year!.before[i]!)),
      {
        financialYear: m.financialYear,
        now,
        closedMonths: closed,
        mayAmendClosed: true,
        reason: m.reason,
        planLocked: stored ? stored.planLockedAt !== null : false,
        keyOf: (gridRow) => gridRow,
      },
    );
    const keys = Object.keys(errors).filter((k) => k !== "reason");
    if (keys.length > 0) {
      for (const k of keys) report(GRID_COLUMN[k as GridRow], errors[k]!.join("; "));
      continue;
    }
    year.after = next;
    if (m.reason) year.reasons.push(m.reason);
    if (scheme === undefined && stored) {
      // A month-end upload touches schemes the Schemes sheet does not list.
      const entry: PlannedScheme = {
        kind: "unchanged",
        key,
        organisationId: stored.organisationId,
        code: stored.code,
        type: stored.type,
        existing: stored,
        changedFields: [],
        monthsChanged: false,
      };
      planned.set(key, entry);
      schemes.push(entry);
    }
  }

  let monthCount = 0;
  const yearList = [...years.values()];
  for (const year of yearList) {
    year.changed = changedMonths(year.before, year.after);
    monthCount += year.changed.length;
    if (year.changed.length > 0) planned.get(year.key)!.monthsChanged = true;
  }
  for (const s of schemes) if (s.kind === "unchanged" && s.monthsChanged) s.kind = "update";

  // Risks sheet: each risk on a scheme of the file or the app.
  const references = new Map<string, OrganisationReference>();
  for (const c of contexts.values())
    if (c.mayImport && c.reference.leadLabels.length) references.set(c.reference.id, c.reference);
  const risks = await planRisks(
    client,
    file.risks,
    {
      byCode,
      storedIds: new Map([...existing].map(([key, s]) => [key, s.id])),
      failedCodes,
      references,
    },
    problems,
  );
  const counts: ImportCounts = {
    create: schemes.filter((s) => s.kind === "create").length,
    update: schemes.filter((s) => s.kind === "update").length,
    unchanged: schemes.filter((s) => s.kind === "unchanged").length,
    months: monthCount,
    risks: riskCounts(risks),
  };
  problems.sort((a, b) => a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
  return {
    schemes,
    years: yearList.filter((y) => y.changed.length > 0),
    risks,
    problems,
    ignoredColumns: file.ignoredColumns,
    counts,
  };
}

/** Stored months of the existing schemes in the years the file touches, in one query. */
async function readExistingYears(client: Client, schemeIds: string[], months: ValidMonth[]) {
  const years = [...new Set(months.map((m) => m.financialYear))];
  const byYear = new Map<
    string,
    { month: number; planPence: bigint | null; forecastPence: bigint | null; actualPence: bigint | null }[]
  >();
  if (schemeIds.length === 0 || years.length === 0) return byYear;
  const rows = await client.schemeMonth.findMany({
    where: { schemeId: { in: schemeIds }, financialYear: { in: years } },
  });
  for (const r of rows) {
    const key = `${r.schemeId}|${r.financialYear}`;
    const list = byYear.get(key) ?? [];
    list.push(r);
    byYear.set(key, list);
  }
  return byYear;
}
