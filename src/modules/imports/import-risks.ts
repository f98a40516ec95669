import type { Prisma } from "@/generated/prisma/client";
import { createRiskSchema } from "@/modules/risks/risk-schemas";
import { riskData } from "@/modules/risks/risk-writes";
import type { Db, Tx } from "@/server/db";
import type { RiskColumnKey } from "./import-columns";
import type { RiskCounts } from "./import-counts";
import { loadOrganisationReference, type OrganisationReference } from "./import-reference";
import { RISK_CATEGORY_CHOICES, cellText, dateText, matchChoice } from "./import-values";
import type { ImportProblem, ImportRow, SheetData } from "./read-import-file";
import { codeOf, schemaProblems } from "./validate-import";

/**
 * The Risks sheet: each row is a risk on a scheme (in the file or in the app), through the risk
 * form's own schema, its owner resolved to a lead or finance user of the scheme's organisation.
 * The scheme and the risk title identify it: a title the scheme already has updates that risk.
 */

type Client = Db | Tx;
export type RiskData = ReturnType<typeof riskData>;

const EXISTING_RISK_SELECT = {
  id: true,
  schemeId: true,
  status: true,
  version: true,
  title: true,
  cause: true,
  event: true,
  effect: true,
  ownerId: true,
  category: true,
  inherentLikelihood: true,
  inherentConsequence: true,
  currentLikelihood: true,
  currentConsequence: true,
  targetLikelihood: true,
  targetConsequence: true,
  currentScore: true,
  targetScore: true,
  reviewDate: true,
} as const;
export type ExistingRisk = Prisma.RiskGetPayload<{ select: typeof EXISTING_RISK_SELECT }>;

export interface PlannedRisk {
  kind: "create" | "update" | "unchanged";
  row: number;
  /** The scheme's plan key (organisationId|code): its id is known only once schemes are written. */
  schemeKey: string;
  /** The scheme's id when it is already in the app. */
  storedSchemeId?: string;
  organisationId: string;
  data: RiskData;
  existing?: ExistingRisk;
  changedFields: string[];
}

/** What the risk rows can be matched against: the file's and the app's schemes by code. */
export interface RiskPlanContext {
  /** Reference code -> plan keys (organisationId|code) of schemes in the file or the app. */
  byCode: Map<string, string[]>;
  /** Plan key -> the stored scheme's id, for schemes already in the app. */
  storedIds: Map<string, string>;
  /** Codes whose Schemes row has errors, with that row. */
  failedCodes: Map<string, number>;
  /** References already loaded, by organisation id. */
  references: Map<string, OrganisationReference>;
}

const PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000";

const FIELD_COLUMN: Partial<Record<string, RiskColumnKey>> = { ownerId: "owner" };

const RISK_FIELDS = [
  "title",
  "cause",
  "event",
  "effect",
  "ownerId",
  "category",
  "inherentLikelihood",
  "inherentConsequence",
  "currentLikelihood",
  "currentConsequence",
  "targetLikelihood",
  "targetConsequence",
] as const;

/** The fields of a stored risk the row would change. */
export function changedRiskFields(existing: ExistingRisk, data: RiskData): string[] {
  const changed: string[] = RISK_FIELDS.filter((f) => existing[f] !== data[f]);
  if (existing.reviewDate.getTime() !== data.reviewDate.getTime()) changed.push("reviewDate");
  return changed;
}

/** One Risks row to the risk form's input, with each problem on its cell. */
export function validateRiskRow(
  row: ImportRow<RiskColumnKey>,
  sheet: string,
  reference: OrganisationReference | undefined,
): { data?: RiskData; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const at = (key: RiskColumnKey, message: string) =>
    problems.push({ sheet, row: row.row, column: row.at(key), message });
  const text = (key: RiskColumnKey) => {
    const t = key === "reviewDate" ? dateText(row.cells[key]) : cellText(row.cells[key]);
    if (!t.ok) at(key, t.error);
    return t.ok ? t.text.trim() : "";
  };
  let ownerId: string | undefined;
  const owner = text("owner");
  if (reference && owner) {
    ownerId = reference.leads.get(owner.toLowerCase());
    if (!ownerId)
      at(
        "owner",
        `'${owner.slice(0, 80)}' is not a lead or finance user of ${reference.code} (by email or lead role title)`,
      );
  }
  let category: string | undefined;
  const categoryText = text("category");
  if (categoryText) {
    category = matchChoice(RISK_CATEGORY_CHOICES, categoryText)?.value;
    if (!category)
      at(
        "category",
        `'${categoryText.slice(0, 60)}' is not one of ${RISK_CATEGORY_CHOICES.map((c) => c.label).join(", ")}`,
      );
  }
  const raw = {
    schemeId: PLACEHOLDER_ID,
    title: text("title"),
    cause: text("cause"),
    event: text("event"),
    effect: text("effect"),
    ownerId: ownerId ?? (owner ? PLACEHOLDER_ID : ""),
    category,
    inherentLikelihood: text("inherentLikelihood"),
    inherentConsequence: text("inherentConsequence"),
    currentLikelihood: text("currentLikelihood"),
    currentConsequence: text("currentConsequence"),
    targetLikelihood: text("targetLikelihood"),
    targetConsequence: text("targetConsequence"),
    reviewDate: text("reviewDate"),
  };
  const parsed = createRiskSchema.safeParse(raw);
  if (!parsed.success) schemaProblems(parsed.error.issues, row, sheet, FIELD_COLUMN, problems);
  if (problems.length > 0 || !parsed.success || !ownerId) return { problems };
  return { problems, data: riskData(parsed.data) };
}

/**
 * Each Risks row against the schemes the import will hold: create, update (the scheme already
 * has an open risk with that title) or unchanged; duplicates, closed risks and unknown schemes
 * are row errors.
 */
export async function planRisks(
  client: Client,
  sheet: SheetData<RiskColumnKey> | undefined,
  context: RiskPlanContext,
  problems: ImportProblem[],
): Promise<PlannedRisk[]> {
  if (!sheet) return [];
  const storedSchemeIds = [...new Set(context.storedIds.values())];
  const stored = storedSchemeIds.length
    ? await client.risk.findMany({ where: { schemeId: { in: storedSchemeIds } }, select: EXISTING_RISK_SELECT })
    : [];
  const storedByTitle = new Map<string, ExistingRisk[]>();
  for (const r of stored) {
    const key = `${r.schemeId}|${r.title.toLowerCase()}`;
    storedByTitle.set(key, [...(storedByTitle.get(key) ?? []), r]);
  }
  const referenceOf = async (organisationId: string) => {
    let reference = context.references.get(organisationId);
    if (!reference) {
      reference = await loadOrganisationReference(organisationId, client);
      context.references.set(organisationId, reference);
    }
    return reference;
  };
  const planned: PlannedRisk[] = [];
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    const report = (key: RiskColumnKey, message: string) =>
      problems.push({ sheet: sheet.sheet, row: row.row, column: row.at(key), message });
    const code = codeOf(row.cells.code);
    let schemeKey: string | undefined;
    if (!code.ok) report("code", code.error);
    else {
      const candidates = context.byCode.get(code.code) ?? [];
      const failed = context.failedCodes.get(code.code);
      if (candidates.length === 1) schemeKey = candidates[0];
      else if (candidates.length > 1)
        report(
          "code",
          `${code.code} exists at more than one of your organisations; import its risks from each separately`,
        );
      else
        report(
          "code",
          failed
            ? `the scheme ${code.code} has errors on the Schemes sheet (row ${failed}); fix that row first`
            : `no scheme has the reference code ${code.code}, in this file or at your organisations`,
        );
    }
    const organisationId = schemeKey?.slice(0, schemeKey.indexOf("|"));
    const reference = organisationId ? await referenceOf(organisationId) : undefined;
    const result = validateRiskRow(row, sheet.sheet, reference);
    problems.push(...result.problems);
    if (!result.data || !schemeKey || !organisationId) continue;
    const riskKey = `${schemeKey}|${result.data.title.toLowerCase()}`;
    const first = seen.get(riskKey);
    if (first !== undefined) {
      report("title", `this scheme's risk “${result.data.title}” is also on row ${first}; each risk once`);
      continue;
    }
    seen.set(riskKey, row.row);
    const schemeId = context.storedIds.get(schemeKey);
    const matches = schemeId ? (storedByTitle.get(`${schemeId}|${result.data.title.toLowerCase()}`) ?? []) : [];
    const open = matches.filter((m) => m.status === "OPEN");
    if (open.length > 1) {
      report("title", `the scheme has ${open.length} open risks titled “${result.data.title}”; change them in the app`);
      continue;
    }
    const existing = open[0];
    if (!existing && matches.length > 0) {
      report("title", `the scheme's risk “${result.data.title}” is closed; it can no longer be changed`);
      continue;
    }
    const changedFields = existing ? changedRiskFields(existing, result.data) : [];
    planned.push({
      kind: !existing ? "create" : changedFields.length > 0 ? "update" : "unchanged",
      row: row.row,
      schemeKey,
      storedSchemeId: schemeId,
      organisationId,
      data: result.data,
      existing,
      changedFields,
    });
  }
  return planned;
}

export function riskCounts(risks: PlannedRisk[]): RiskCounts {
  return {
    create: risks.filter((r) => r.kind === "create").length,
    update: risks.filter((r) => r.kind === "update").length,
    unchanged: risks.filter((r) => r.kind === "unchanged").length,
  };
}
