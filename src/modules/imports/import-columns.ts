import type { ColumnFormat } from "@/modules/spreadsheets/xlsx";

/**
 * The columns of the import workbook, once: the template writes them, the parser finds them
 * by header, and error messages name them by letter and header.
 */

export type ListName =
  | "Organisations"
  | "Divisions"
  | "Workstreams"
  | "Leads"
  | "Categories"
  | "Types"
  | "Recurrence"
  | "Cash"
  | "Years"
  | "Months"
  | "RAG"
  | "Stages"
  | "Risk categories"
  | "Ratings";

export interface ImportColumn<K extends string = string> {
  key: K;
  header: string;
  required: boolean;
  note: string;
  format?: ColumnFormat;
  list?: ListName;
  width?: number;
}

const col = <K extends string>(c: ImportColumn<K>) => c;

export const SCHEME_COLUMNS = [
  col({
    key: "code",
    header: "Reference code",
    required: true,
    width: 16,
    note: "Your scheme's reference code, unique in the organisation (e.g. LTH-CIP-0042). A code the app already holds updates that scheme; a new code creates one.",
  }),
  col({ key: "title", header: "Title", required: true, width: 36, note: "3 to 200 characters." }),
  col({ key: "description", header: "Description", required: true, width: 48, note: "3 to 8,000 characters." }),
  col({
    key: "organisation",
    header: "Organisation code",
    required: true,
    list: "Organisations",
    note: "The organisation's code as the app holds it (see the list). You can only import for organisations where you hold the finance role.",
  }),
  col({
    key: "division",
    header: "Division",
    required: false,
    list: "Divisions",
    width: 24,
    note: "Optional. One of the organisation's divisions.",
  }),
  col({
    key: "workstream",
    header: "Programme / workstream",
    required: false,
    list: "Workstreams",
    width: 40,
    note: 'Optional. Written "Programme › Workstream" as in the list.',
  }),
  col({
    key: "lead",
    header: "Lead",
    required: true,
    list: "Leads",
    width: 30,
    note: "The lead's email address, or a lead role title (e.g. DoF) linked to a user. They must hold the lead or finance role at the organisation; unknown leads are errors, never created.",
  }),
  col({ key: "category", header: "Category", required: true, list: "Categories", note: "Pay, Non-pay or Income." }),
  col({
    key: "subCategory",
    header: "Sub-category",
    required: false,
    width: 20,
    note: "Optional, e.g. Agency, Procurement, Medicines. At most 60 characters.",
  }),
  col({
    key: "type",
    header: "CIP or QIPP",
    required: false,
    list: "Types",
    note: "CIP (provider) or QIPP (commissioner). Blank: what the organisation holds.",
  }),
  col({
    key: "recurrence",
    header: "Recurrence",
    required: true,
    list: "Recurrence",
    note: "Recurrent or Non-recurrent.",
  }),
  col({
    key: "cash",
    header: "Cash-releasing or productivity",
    required: false,
    list: "Cash",
    width: 20,
    note: "Cash-releasing or Productivity. Blank: cash-releasing.",
  }),
  col({
    key: "financialYear",
    header: "Financial year",
    required: true,
    list: "Years",
    note: 'The year the in-year value belongs to, written "2025/26".',
  }),
  col({
    key: "fullYearEffect",
    header: "Full-year effect (£)",
    required: true,
    format: "pounds",
    width: 18,
    note: "In pounds, e.g. 1200000 or 1234.56; at most two decimal places; not negative.",
  }),
  col({
    key: "inYearValue",
    header: "In-year value (£)",
    required: true,
    format: "pounds",
    width: 18,
    note: "In pounds, e.g. 900000; at most two decimal places; not negative.",
  }),
  col({
    key: "startMonth",
    header: "Start month",
    required: false,
    list: "Months",
    note: 'Optional. M1 (April) to M12 (March), or a month such as "Apr 2025".',
  }),
  col({
    key: "wteSubstantive",
    header: "WTE substantive",
    required: false,
    format: "wte",
    note: "Change in whole-time equivalents, two decimals at most; negative means posts added.",
  }),
  col({ key: "wteBank", header: "WTE bank", required: false, format: "wte", note: "As WTE substantive." }),
  col({ key: "wteAgency", header: "WTE agency", required: false, format: "wte", note: "As WTE substantive." }),
  col({ key: "rag", header: "Delivery RAG", required: false, list: "RAG", note: "Optional. Red, Amber or Green." }),
  col({
    key: "stage",
    header: "Stage",
    required: false,
    list: "Stages",
    note: "Only for schemes new to the app, imported by finance (the initial load): the scheme records that its stage was set by import. For schemes already in the app leave it blank or as it is: stages move only through gateways.",
  }),
] as const;

export const MONTH_COLUMNS = [
  col({
    key: "code",
    header: "Reference code",
    required: true,
    width: 16,
    note: "The scheme's reference code, as on the Schemes sheet or already in the app.",
  }),
  col({ key: "financialYear", header: "Financial year", required: true, list: "Years", note: 'Written "2025/26".' }),
  col({
    key: "month",
    header: "Month",
    required: true,
    list: "Months",
    note: 'M1 (April) to M12 (March), or "Apr 2025".',
  }),
  col({
    key: "plan",
    header: "Plan (£)",
    required: false,
    format: "pounds",
    width: 16,
    note: "In pounds; blank means no value. Locked after gateway 2.",
  }),
  col({
    key: "forecast",
    header: "Forecast (£)",
    required: false,
    format: "pounds",
    width: 16,
    note: "In pounds; blank means no value.",
  }),
  col({
    key: "actual",
    header: "Actual (£)",
    required: false,
    format: "pounds",
    width: 16,
    note: "In pounds; only for months that have started.",
  }),
  col({
    key: "reason",
    header: "Reason",
    required: false,
    width: 40,
    note: "Needed when changing the actual of a closed month (finance only).",
  }),
  col({
    key: "organisation",
    header: "Organisation code",
    required: false,
    list: "Organisations",
    note: "Optional: needed only when the same reference code exists at two of your organisations.",
  }),
] as const;

export const RISK_COLUMNS = [
  col({ key: "code", header: "Scheme reference code", required: true, width: 18, note: "The scheme the risk is on." }),
  col({
    key: "title",
    header: "Risk title",
    required: true,
    width: 32,
    note: "3 to 200 characters; with the scheme, it identifies the risk on re-import.",
  }),
  col({ key: "cause", header: "Cause", required: true, width: 32, note: "There is a risk that … because (cause)." }),
  col({ key: "event", header: "Event", required: true, width: 32, note: "What might happen." }),
  col({ key: "effect", header: "Effect", required: true, width: 32, note: "What it would lead to." }),
  col({
    key: "owner",
    header: "Owner",
    required: true,
    list: "Leads",
    width: 30,
    note: "The email address or lead role title of a lead or finance user of the organisation.",
  }),
  col({
    key: "category",
    header: "Risk category",
    required: true,
    list: "Risk categories",
    note: "Financial, Quality, Workforce, Delivery or Reputational.",
  }),
  col({
    key: "inherentLikelihood",
    header: "Inherent likelihood",
    required: true,
    list: "Ratings",
    note: "1 rare to 5 almost certain.",
  }),
  col({
    key: "inherentConsequence",
    header: "Inherent consequence",
    required: true,
    list: "Ratings",
    note: "1 negligible to 5 catastrophic.",
  }),
  col({ key: "currentLikelihood", header: "Current likelihood", required: true, list: "Ratings", note: "1 to 5." }),
  col({ key: "currentConsequence", header: "Current consequence", required: true, list: "Ratings", note: "1 to 5." }),
  col({
    key: "targetLikelihood",
    header: "Target likelihood",
    required: true,
    list: "Ratings",
    note: "1 to 5; the target score cannot be worse than the current one.",
  }),
  col({ key: "targetConsequence", header: "Target consequence", required: true, list: "Ratings", note: "1 to 5." }),
  col({
    key: "reviewDate",
    header: "Review date",
    required: true,
    format: "date",
    note: "The next review date, e.g. 30/09/2025.",
  }),
] as const;

export type SchemeColumnKey = (typeof SCHEME_COLUMNS)[number]["key"];
export type MonthColumnKey = (typeof MONTH_COLUMNS)[number]["key"];
export type RiskColumnKey = (typeof RISK_COLUMNS)[number]["key"];

export const SHEETS = { schemes: "Schemes", months: "Months", risks: "Risks", instructions: "Instructions" } as const;

export { columnLetter } from "@/modules/spreadsheets/xlsx";
