import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/modules/audit/record-audit";
import { cellText } from "@/modules/imports/import-values";
import { problemSentence, readSheets, sheetData, type ImportProblem } from "@/modules/imports/read-import-file";
import { checkUpload } from "@/modules/spreadsheets/upload-checks";
import { assertCan, type Actor } from "@/server/auth/actor";
import { db, type Db, type Tx } from "@/server/db";
import { DomainError } from "@/server/errors";
import {
  SERVICE_LINE_COLUMNS,
  SERVICE_LINE_SHEET,
  validateServiceLineRow,
  type ValidServiceLineRow,
} from "./service-line-import-rows";

/**
 * Service lines from a spreadsheet (issue 17 item 1): an .xlsx with a "Service lines" sheet (or
 * its first sheet) or a .csv, read with the import workbook's readers. Preview writes nothing;
 * the import plans again inside one transaction and writes every new line and size with their
 * audit events, or nothing. Lines are matched by name within the organisation.
 */

export interface ServiceLineUpload {
  fileName: string;
  bytes: Uint8Array;
}

export interface ServiceLineImportCounts {
  linesToCreate: number;
  linesUnchanged: number;
  /** Size rows (line, year) new or changed. */
  sizes: number;
}

export interface ServiceLinePreview {
  fileName: string;
  sha256: string;
  counts: ServiceLineImportCounts;
  problems: (ImportProblem & { sentence: string })[];
  ignoredColumns: { sheet: string; headers: string[] }[];
}

interface PlannedLine {
  name: string;
  level: "MESO" | "MICRO";
  parentKey?: string;
  divisionId?: string;
  existingId?: string;
}

interface Plan {
  lines: Map<string, PlannedLine>;
  sizes: { lineKey: string; financialYear: number; data: SizeData; before: SizeData | null }[];
  problems: ImportProblem[];
  ignoredColumns: { sheet: string; headers: string[] }[];
  counts: ServiceLineImportCounts;
}

type SizeData = { budgetPence: bigint | null; patients: number | null; staffWte: Prisma.Decimal | null };

const REFUSAL = "Only finance or the PMO of this organisation can import its service lines.";
const LEVEL_WORDS = { MESO: "a division / specialty", MICRO: "a sub-specialty / department" } as const;

async function planFrom(client: Db | Tx, organisationId: string, upload: ServiceLineUpload): Promise<Plan> {
  const verdict = checkUpload(upload.bytes, upload.fileName);
  if (!verdict.ok) throw new DomainError("INVALID", verdict.error, { file: [verdict.error] });
  const read = await readSheets(upload.bytes, verdict.kind, () => SERVICE_LINE_SHEET);
  if (!read.ok) throw new DomainError("INVALID", read.error, { file: [read.error] });
  const sheet =
    read.sheets.find((s) => s.name.trim().toLowerCase() === SERVICE_LINE_SHEET.toLowerCase()) ?? read.sheets[0];
  const file = { problems: [] as ImportProblem[], ignoredColumns: [] as Plan["ignoredColumns"] };
  const data = sheet ? sheetData({ ...sheet, name: SERVICE_LINE_SHEET }, SERVICE_LINE_COLUMNS, file) : undefined;
  if (file.problems.length === 0 && !data?.rows.length)
    throw new DomainError("INVALID", "The file has no service lines below its header row.", {
      file: ["The file has no service lines below its header row."],
    });
  const [divisions, stored] = await Promise.all([
    client.division.findMany({ where: { organisationId }, select: { id: true, name: true } }),
    client.serviceLine.findMany({ where: { organisationId }, include: { sizes: true } }),
  ]);
  const divisionMap = new Map(divisions.map((d) => [d.name.toLowerCase(), d.id]));
  const storedByKey = new Map(stored.map((l) => [l.name.toLowerCase(), l]));
  const problems = file.problems;
  const valid: ValidServiceLineRow[] = [];
  // Names on rows with errors, so a department naming one is told to fix that row first.
  const failedNames = new Map<string, number>();
  for (const row of data?.rows ?? []) {
    const result = validateServiceLineRow(row, divisionMap);
    problems.push(...result.problems);
    if (result.line) valid.push(result.line);
    else {
      const name = cellText(row.cells.name);
      if (name.ok && name.text.trim()) failedNames.set(name.text.trim().toLowerCase(), row.row);
    }
  }
  const rowAt = new Map((data?.rows ?? []).map((r) => [r.row, r]));
  const report = (v: ValidServiceLineRow, key: "name" | "level" | "parent" | "financialYear", message: string) =>
    problems.push({ sheet: SERVICE_LINE_SHEET, row: v.row, column: rowAt.get(v.row)!.at(key), message });

  // Lines: the app's (by name) or new; every row naming a line agrees on its level and parent.
  const lines = new Map<string, PlannedLine>();
  const firstRow = new Map<string, number>();
  for (const s of stored)
    lines.set(s.name.toLowerCase(), {
      name: s.name,
      level: s.level,
      existingId: s.id,
      parentKey: s.parentId ? stored.find((p) => p.id === s.parentId)?.name.toLowerCase() : undefined,
    });
  for (const v of valid) {
    const key = v.name.toLowerCase();
    const known = lines.get(key);
    const parentKey = v.parentName?.toLowerCase();
    if (!known) {
      lines.set(key, { name: v.name, level: v.level, parentKey, divisionId: v.divisionId });
      firstRow.set(key, v.row);
      continue;
    }
    const where = known.existingId ? "in the app" : `on row ${firstRow.get(key)}`;
    if (known.level !== v.level) report(v, "level", `${v.name} is ${LEVEL_WORDS[known.level]} ${where}`);
    else if ((known.parentKey ?? "") !== (parentKey ?? ""))
      report(
        v,
        "parent",
        `${v.name} is part of ${known.parentKey ? lines.get(known.parentKey)?.name : "no other line"} ${where}`,
      );
  }
  // Parents: a division or specialty of the app or of the file.
  for (const v of valid) {
    if (v.level !== "MICRO" || !v.parentName) continue;
    const parent = lines.get(v.parentName.toLowerCase());
    const failed = failedNames.get(v.parentName.toLowerCase());
    if (!parent)
      report(
        v,
        "parent",
        failed
          ? `${v.parentName.slice(0, 80)} has errors on row ${failed}; fix that row first`
          : `'${v.parentName.slice(0, 80)}' is not a service line, in this file or the app`,
      );
    else if (parent.level !== "MESO") report(v, "parent", `${parent.name} is not a division or specialty`);
  }

  // Sizes: one row per line and year; only new or changed ones are written.
  const sizes: Plan["sizes"] = [];
  const seen = new Map<string, number>();
  for (const v of valid) {
    if (!v.size) continue;
    const key = `${v.name.toLowerCase()}|${v.size.financialYear}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report(v, "financialYear", `${v.name}'s sizes for this year are also on row ${first}; each year once`);
      continue;
    }
    seen.set(key, v.row);
    const data: SizeData = {
      budgetPence: v.size.budget === undefined ? null : BigInt(v.size.budget),
      patients: v.size.patients ?? null,
      staffWte: v.size.staffWte === undefined ? null : new Prisma.Decimal(v.size.staffWte),
    };
    const storedSize = storedByKey
      .get(v.name.toLowerCase())
      ?.sizes.find((s) => s.financialYear === v.size!.financialYear);
    const before = storedSize
      ? { budgetPence: storedSize.budgetPence, patients: storedSize.patients, staffWte: storedSize.staffWte }
      : null;
    const same =
      before !== null &&
      before.budgetPence === data.budgetPence &&
      before.patients === data.patients &&
      String(before.staffWte ?? "") === String(data.staffWte ?? "");
    if (!same) sizes.push({ lineKey: v.name.toLowerCase(), financialYear: v.size.financialYear, data, before });
  }
  const created = [...lines.values()].filter((l) => !l.existingId).length;
  const named = new Set(valid.map((v) => v.name.toLowerCase()));
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    lines,
    sizes,
    problems,
    ignoredColumns: file.ignoredColumns,
    counts: {
      linesToCreate: created,
      linesUnchanged: [...named].filter((k) => lines.get(k)?.existingId).length,
      sizes: sizes.length,
    },
  };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function previewOf(upload: ServiceLineUpload, plan: Plan): ServiceLinePreview {
  return {
    fileName: upload.fileName,
    sha256: sha256(upload.bytes),
    counts: plan.counts,
    problems: plan.problems.map((p) => ({ ...p, sentence: problemSentence(p) })),
    ignoredColumns: plan.ignoredColumns,
  };
}

/** What the file would do at the organisation; writes nothing. */
export async function previewServiceLineImport(
  actor: Actor,
  organisationId: string,
  upload: ServiceLineUpload,
): Promise<ServiceLinePreview> {
  assertCan(actor, "portfolio.manage", organisationId, REFUSAL);
  return previewOf(upload, await planFrom(db(), organisationId, upload));
}

export type ServiceLineImportOutcome = {
  status: "imported" | "nothing-to-do" | "invalid";
  preview: ServiceLinePreview;
};

/** Imports the previewed file (`expectedSha256`): every line and size with its audit event, or nothing. */
export async function importServiceLines(
  actor: Actor,
  organisationId: string,
  upload: ServiceLineUpload,
  expectedSha256?: string,
): Promise<ServiceLineImportOutcome> {
  assertCan(actor, "portfolio.manage", organisationId, REFUSAL);
  if (expectedSha256 && expectedSha256 !== sha256(upload.bytes))
    throw new DomainError("INVALID", "This is not the file you previewed. Check it again, then import.");
  return db().$transaction(async (tx) => {
    // One import or service-line change at a time per organisation, so names are planned against what is there.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`service-lines:${organisationId}`}))`;
    const plan = await planFrom(tx, organisationId, upload);
    const preview = previewOf(upload, plan);
    if (plan.problems.length > 0) return { status: "invalid" as const, preview };
    if (plan.counts.linesToCreate + plan.counts.sizes === 0) return { status: "nothing-to-do" as const, preview };
    const ids = new Map<string, string>();
    for (const [key, line] of plan.lines) if (line.existingId) ids.set(key, line.existingId);
    // Divisions and specialties first, so sub-specialties can point at them.
    const creates = [...plan.lines].filter(([, l]) => !l.existingId);
    for (const level of ["MESO", "MICRO"] as const)
      for (const [key, line] of creates.filter(([, l]) => l.level === level)) {
        const created = await tx.serviceLine.create({
          data: {
            organisationId,
            name: line.name,
            level: line.level,
            parentId: line.parentKey ? ids.get(line.parentKey)! : null,
            divisionId: line.divisionId ?? null,
          },
        });
        ids.set(key, created.id);
        await recordAudit(tx, actor, {
          action: "service-line.create",
          entityType: "service_line",
          entityId: created.id,
          organisationId,
          after: { ...created, importedFrom: upload.fileName },
        });
      }
    for (const size of plan.sizes) {
      const serviceLineId = ids.get(size.lineKey)!;
      const after = await tx.serviceLineSize.upsert({
        where: { serviceLineId_financialYear: { serviceLineId, financialYear: size.financialYear } },
        create: { serviceLineId, financialYear: size.financialYear, ...size.data },
        update: size.data,
      });
      await recordAudit(tx, actor, {
        action: "service-line.size",
        entityType: "service_line",
        entityId: serviceLineId,
        organisationId,
        before: size.before,
        after,
      });
    }
    await recordAudit(tx, actor, {
      action: "service-line.import",
      entityType: "organisation",
      entityId: organisationId,
      organisationId,
      after: { fileName: upload.fileName, sha256: preview.sha256, counts: { ...plan.counts } },
    });
    return { status: "imported" as const, preview };
  });
}
