import { formatDate } from "@/lib/dates";
import { formatFinancialYear, monthLabel, type FinancialMonth } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import { ACTIVITY_STATUS_LABELS } from "@/modules/activities/activity-status";
import { SCHEME_CATEGORY_LABELS, SCHEME_STAGE_LABELS } from "../scheme-rules";

/**
 * Turns an audit event into what a person reads in a scheme's history: a sentence for the action,
 * and each changed field by its label with before -> after in the app's formats. Pure.
 */

export interface HistoryEvent {
  action: string;
  before: unknown;
  after: unknown;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface HistoryLine {
  summary: string;
  changes: FieldChange[];
  /** A reason, a commentary or a comment's text. */
  note?: string;
}

/** Names of the ids an event may hold (leads, divisions, workstreams), looked up by the reader. */
export type NameLookup = ReadonlyMap<string, string>;

const GATEWAY_WORDS: Record<string, string> = {
  submitted: "Submitted for gateway",
  approved: "Approved gateway",
  rejected: "Rejected at gateway",
  deferred: "Deferred at gateway",
};

const ACTIONS: Record<string, string> = {
  "scheme.create": "Created the scheme",
  "scheme.update": "Edited the scheme",
  "scheme.financials.save": "Changed the monthly figures",
  "scheme.financials.import": "Imported the monthly figures",
  "scheme.monthly-update.submit": "Submitted the monthly update",
  "gateway.returned": "Returned to an earlier stage",
  "gateway.on_hold": "Put on hold",
  "gateway.resumed": "Resumed",
  "gateway.withdrawn": "Withdrawn",
  "gateway.rebaselined": "Re-baselined the plan",
  "gateway.benefit_validated": "Finance validated the benefit",
  "plan.rebaseline": "Re-baselined the plan",
  "scheme.milestone.add": "Added a milestone",
  "scheme.milestone.status": "Changed a milestone's status",
  "scheme.kpi.add": "Added a KPI",
  "kpi.actual.record": "Recorded a KPI actual",
  "scheme.attachment.upload": "Attached a file",
  "scheme.attachment.delete": "Removed an attachment",
  "scheme.comment.add": "Commented",
  "qia.start": "Started the QIA",
  "qia.screening.save": "Saved the QIA screening",
  "qia.full.save": "Saved the full QIA",
  "qia.submit": "Submitted the QIA for sign-off",
  "qia.sign": "Signed the QIA",
  "qia.revise": "Started a new QIA version",
  "qia.review": "Recorded a QIA review",
  "qia.committee-override": "Recorded a quality-committee override",
  "eia.start": "Started the EIA",
  "eia.screening.save": "Saved the EIA screening",
  "eia.full.save": "Saved the full EIA",
  "eia.submit": "Submitted the EIA",
  "eia.sign": "Signed the EIA",
};

/** Scheme fields by label; those not listed (ids of bookkeeping, versions, timestamps) are not shown. */
const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  category: "Category",
  subCategory: "Sub-category",
  recurrent: "Recurrent",
  cashReleasing: "Cash-releasing",
  divisionId: "Division",
  workstreamId: "Workstream",
  leadId: "Lead",
  financialYear: "Financial year",
  fullYearEffectPence: "Full-year effect",
  inYearValuePence: "In-year value",
  startMonth: "Start month",
  rag: "Delivery RAG",
  stage: "Stage",
  wteSubstantive: "WTE substantive",
  wteBank: "WTE bank",
  wteAgency: "WTE agency",
  programmeType: "Programme type",
  status: "Status",
};

const RAG_WORDS: Record<string, string> = { RED: "Red", AMBER: "Amber", GREEN: "Green" };
const NONE = "none";

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asText(value: unknown): string {
  return value === null || value === undefined || value === "" ? NONE : String(value);
}

/** One field's value in the app's format. */
export function formatFieldValue(key: string, value: unknown, names: NameLookup = new Map()): string {
  if (value === null || value === undefined || value === "") return NONE;
  if (key.endsWith("Pence")) return formatMoney(Number(value), { style: "full" });
  if (key === "leadId" || key === "divisionId" || key === "workstreamId") return names.get(String(value)) ?? "another";
  if (key === "stage") return SCHEME_STAGE_LABELS[value as keyof typeof SCHEME_STAGE_LABELS] ?? String(value);
  if (key === "category") return SCHEME_CATEGORY_LABELS[value as keyof typeof SCHEME_CATEGORY_LABELS] ?? String(value);
  if (key === "status") return ACTIVITY_STATUS_LABELS[value as keyof typeof ACTIVITY_STATUS_LABELS] ?? String(value);
  if (key === "rag") return RAG_WORDS[String(value)] ?? String(value);
  if (key === "financialYear" && typeof value === "number") return formatFinancialYear(value);
  if (key === "startMonth" && typeof value === "number" && value >= 1 && value <= 12)
    return `M${value} ${monthLabel(value as FinancialMonth)}`;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDate(new Date(value));
  return asText(value);
}

/** Changed scheme fields between two rows, in the order of FIELD_LABELS. */
export function fieldChanges(before: unknown, after: unknown, names: NameLookup = new Map()): FieldChange[] {
  const b = record(before);
  const a = record(after);
  return Object.keys(FIELD_LABELS)
    .filter((key) => key in a || key in b)
    .filter((key) => JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null))
    .map((key) => ({
      field: FIELD_LABELS[key]!,
      before: key in b ? formatFieldValue(key, b[key], names) : NONE,
      after: key in a ? formatFieldValue(key, a[key], names) : NONE,
    }));
}

type MonthCells = { month: number; plan?: unknown; forecast?: unknown; actual?: unknown };

/** "M5 Aug plan: £1,000 -> £1,200" for each changed cell of a financials event. */
export function monthChanges(before: unknown, after: unknown): FieldChange[] {
  const list = (v: unknown) => (Array.isArray(record(v).months) ? (record(v).months as MonthCells[]) : []);
  const beforeByMonth = new Map(list(before).map((m) => [m.month, m]));
  const year = record(after).financialYear ?? record(before).financialYear;
  const suffix = typeof year === "number" ? ` ${formatFinancialYear(year)}` : "";
  const money = (v: unknown) => (v === null || v === undefined ? NONE : formatMoney(Number(v), { style: "full" }));
  return list(after).flatMap((m) =>
    (["plan", "forecast", "actual"] as const)
      .filter((row) => (beforeByMonth.get(m.month)?.[row] ?? null) !== (m[row] ?? null))
      .map((row) => ({
        field: `M${m.month} ${monthLabel(m.month as FinancialMonth)}${suffix} ${row}`,
        before: money(beforeByMonth.get(m.month)?.[row]),
        after: money(m[row]),
      })),
  );
}

export function describeHistoryEvent(event: HistoryEvent, names: NameLookup = new Map()): HistoryLine {
  const before = record(event.before);
  const after = record(event.after);
  const gateway = /^gateway\.(submitted|approved|rejected|deferred)$/.exec(event.action);
  let summary =
    gateway && typeof after.gate === "number"
      ? `${GATEWAY_WORDS[gateway[1]!]} ${after.gate}`
      : (ACTIONS[event.action] ?? event.action);
  let note: string | undefined;
  let changes: FieldChange[] = [];
  switch (event.action) {
    case "scheme.create":
      changes = fieldChanges({}, after, names).map((c) => ({ ...c, before: NONE }));
      break;
    case "scheme.update":
      changes = fieldChanges(before, after, names);
      break;
    case "scheme.financials.save":
    case "scheme.financials.import":
      changes = monthChanges(before, after);
      note = typeof after.reason === "string" ? `Reason: ${after.reason}` : undefined;
      break;
    case "scheme.monthly-update.submit": {
      const update = record(after.update);
      if (typeof update.month === "number") summary = `Submitted the monthly update for M${update.month}`;
      changes = [...fieldChanges({ rag: before.rag }, { rag: after.rag }), ...monthChanges(before, after)];
      note = typeof update.commentary === "string" ? update.commentary : undefined;
      break;
    }
    case "scheme.attachment.upload":
      summary = `Attached ${asText(after.fileName)}`;
      break;
    case "scheme.attachment.delete":
      summary = `Removed the attachment ${asText(before.fileName)}`;
      break;
    case "scheme.comment.add":
      note = typeof after.body === "string" ? after.body : undefined;
      if (Array.isArray(after.mentioned) && after.mentioned.length)
        summary = `Commented, mentioning ${after.mentioned.join(", ")}`;
      break;
    default:
      if (event.action.startsWith("gateway.")) {
        changes = fieldChanges({ stage: before.stage }, { stage: after.stage });
        note = typeof after.reason === "string" && after.reason ? `Reason: ${after.reason}` : undefined;
      } else if (event.action === "scheme.milestone.status" || event.action === "scheme.milestone.add") {
        changes = fieldChanges({ status: before.status }, { status: after.status });
        note = typeof after.description === "string" ? after.description : undefined;
      } else if (event.action === "scheme.kpi.add") {
        note = typeof after.name === "string" ? after.name : undefined;
      }
  }
  return { summary, changes, ...(note ? { note } : {}) };
}
