import { formatFinancialYear } from "@/lib/financial-year";
import { SCHEME_CATEGORY_LABELS, SCHEME_STAGE_LABELS } from "@/modules/schemes/scheme-rules";
import { writeXlsx, type CellInput } from "@/modules/spreadsheets/xlsx";
import { can, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { forbidden } from "@/server/errors";
import { MONTH_COLUMNS, SCHEME_COLUMNS, SHEETS, type SchemeColumnKey } from "./import-columns";
import { WORKSTREAM_SEPARATOR } from "./import-reference";
import { columnsOf } from "./import-template";
import { RAG_CHOICES } from "./import-values";

/**
 * An organisation's schemes and their months in the import workbook's own format, so the file
 * round-trips: imported into another organisation's copy (same divisions, workstreams and
 * leads), it reproduces the same schemes, months and dashboard figures.
 */

const pounds = (pence: bigint | null) => (pence === null ? null : Number(pence) / 100);

export async function exportTrackerWorkbook(actor: Actor, organisationId: string, now = new Date()) {
  if (!can(actor, "dashboard.view", organisationId)) throw forbidden("You cannot see this organisation's schemes.");
  const organisation = await db().organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { code: true },
  });
  const schemes = await db().scheme.findMany({
    where: { organisationId },
    orderBy: { codeNumber: "asc" },
    include: {
      division: { select: { name: true } },
      workstream: { select: { name: true, programme: { select: { name: true } } } },
      lead: { select: { email: true } },
      months: { orderBy: [{ financialYear: "asc" }, { month: "asc" }] },
    },
  });
  const ragLabel = (rag: string | null) => RAG_CHOICES.find((c) => c.value === rag)?.label ?? null;
  const schemeRows = schemes.map((s) => {
    const values: Record<SchemeColumnKey, CellInput> = {
      code: s.code,
      title: s.title,
      description: s.description,
      organisation: organisation.code,
      division: s.division?.name,
      workstream: s.workstream ? `${s.workstream.programme.name}${WORKSTREAM_SEPARATOR}${s.workstream.name}` : null,
      lead: s.lead.email,
      category: SCHEME_CATEGORY_LABELS[s.category],
      subCategory: s.subCategory,
      type: s.type,
      recurrence: s.recurrent ? "Recurrent" : "Non-recurrent",
      cash: s.cashReleasing ? "Cash-releasing" : "Productivity",
      financialYear: formatFinancialYear(s.financialYear),
      fullYearEffect: pounds(s.fullYearEffectPence),
      inYearValue: pounds(s.inYearValuePence),
      startMonth: s.startMonth ? `M${s.startMonth}` : null,
      wteSubstantive: Number(s.wteSubstantive),
      wteBank: Number(s.wteBank),
      wteAgency: Number(s.wteAgency),
      rag: ragLabel(s.rag),
      stage: SCHEME_STAGE_LABELS[s.stage],
    };
    return SCHEME_COLUMNS.map((c) => values[c.key]);
  });
  const monthRows = schemes.flatMap((s) =>
    s.months.map((m) => [
      s.code,
      formatFinancialYear(m.financialYear),
      `M${m.month}`,
      pounds(m.planPence),
      pounds(m.forecastPence),
      pounds(m.actualPence),
      null,
      organisation.code,
    ]),
  );
  const buffer = await writeXlsx({
    sheets: [
      { name: SHEETS.schemes, columns: columnsOf(SCHEME_COLUMNS), rows: schemeRows, autoFilter: true, inputRows: 0 },
      { name: SHEETS.months, columns: columnsOf(MONTH_COLUMNS), rows: monthRows, autoFilter: true, inputRows: 0 },
    ],
  });
  return { buffer, fileName: `schemes-and-months-${organisation.code}-${now.toISOString().slice(0, 10)}.xlsx` };
}
