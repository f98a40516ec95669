import type { EiaStatus, ImpactDirection, ProtectedCharacteristic } from "@/generated/prisma/enums";

/** Equality impact assessment rules: the nine protected characteristics of the Equality Act 2010. */

export const PROTECTED_CHARACTERISTICS = [
  "AGE",
  "DISABILITY",
  "GENDER_REASSIGNMENT",
  "MARRIAGE_CIVIL_PARTNERSHIP",
  "PREGNANCY_MATERNITY",
  "RACE",
  "RELIGION_BELIEF",
  "SEX",
  "SEXUAL_ORIENTATION",
] as const satisfies readonly ProtectedCharacteristic[];

export const CHARACTERISTIC_LABELS: Record<ProtectedCharacteristic, string> = {
  AGE: "Age",
  DISABILITY: "Disability",
  GENDER_REASSIGNMENT: "Gender reassignment",
  MARRIAGE_CIVIL_PARTNERSHIP: "Marriage and civil partnership",
  PREGNANCY_MATERNITY: "Pregnancy and maternity",
  RACE: "Race",
  RELIGION_BELIEF: "Religion or belief",
  SEX: "Sex",
  SEXUAL_ORIENTATION: "Sexual orientation",
};

export const EIA_STATUS_LABELS: Record<EiaStatus, string> = {
  DRAFT: "Draft",
  AWAITING_SIGN_OFF: "Awaiting sign-off",
  APPROVED: "Approved",
  REJECTED: "Rejected",
};

export function isEiaScreeningComplete(answered: readonly ProtectedCharacteristic[]): boolean {
  return PROTECTED_CHARACTERISTICS.every((c) => answered.includes(c));
}

/** A negative impact on any protected characteristic needs the full EIA; a positive one does not. */
export function isFullEiaRequired(screening: readonly { impact: ImpactDirection }[]): boolean {
  return screening.some((s) => s.impact === "NEGATIVE");
}

export interface EiaContent {
  screeningComplete: boolean;
  fullRequired: boolean;
  analysis: string | null;
  mitigations: string | null;
  engagement: string | null;
}

/** What still stops the EIA going for sign-off, as sentences; empty when it may go. */
export function eiaGaps(eia: EiaContent): string[] {
  if (!eia.screeningComplete) return ["Answer the screening for all nine protected characteristics."];
  if (!eia.fullRequired) return [];
  const gaps: string[] = [];
  if (!eia.analysis?.trim()) gaps.push("Write the analysis of the impact.");
  if (!eia.mitigations?.trim()) gaps.push("Record the mitigations.");
  if (!eia.engagement?.trim()) gaps.push("Describe the engagement with the people affected.");
  return gaps;
}

/**
 * Who signs off an EIA: a clinical approver or the finance director of the scheme's
 * organisation, never the scheme's lead.
 */
export function eiaSignOffRefusal(
  who: { userId: string; isClinicalApprover: boolean; isFinanceDirector: boolean },
  scheme: { leadId: string },
): string | null {
  if (!who.isClinicalApprover && !who.isFinanceDirector)
    return "Only a clinical approver or the finance director of the scheme's organisation can sign off its EIA.";
  if (who.userId === scheme.leadId) return "You lead this scheme, so you cannot sign off its EIA.";
  return null;
}

/** An EIA's content changes only in draft; saving an EIA awaiting or past sign-off returns it to draft. */
export function eiaReturnsToDraft(status: EiaStatus): boolean {
  return status !== "DRAFT";
}
