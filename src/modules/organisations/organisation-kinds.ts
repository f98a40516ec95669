import type { OrganisationKind, OrganisationType } from "@/generated/prisma/enums";

/**
 * The NHS kinds of organisation a system holds (issue 11 item 2) and the shape of their
 * Organisation Data Service (ODS) codes. NHS trusts of every kind have three-character codes
 * beginning R (most trusts, e.g. RXN) or T (some mental-health and care trusts, e.g. TAF); an
 * integrated care board's organisation code is three characters beginning Q (e.g. QE1).
 */

export const ORGANISATION_KINDS = [
  "ACUTE",
  "COMMUNITY",
  "MENTAL_HEALTH",
  "AMBULANCE",
  "ICB",
] as const satisfies readonly OrganisationKind[];

export const ORGANISATION_KIND_LABELS = {
  ACUTE: "Acute trust",
  COMMUNITY: "Community trust",
  MENTAL_HEALTH: "Mental health trust",
  AMBULANCE: "Ambulance trust",
  ICB: "Integrated care board",
} as const satisfies Record<OrganisationKind, string>;

/** The type the rest of the service keys on: an ICB commissions (QIPP), every other kind provides (CIP). */
export function typeOfKind(kind: OrganisationKind): OrganisationType {
  return kind === "ICB" ? "ICB" : "TRUST";
}

const TRUST_ODS = /^[RT][A-Z0-9]{2}$/;
const ICB_ODS = /^Q[A-Z0-9]{2}$/;

/** Trimmed and upper-cased, as ODS codes are written. */
export function normaliseOdsCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Why an ODS code does not fit the kind of organisation, or null when it does. */
export function odsCodeError(kind: OrganisationKind, code: string): string | null {
  const normalised = normaliseOdsCode(code);
  if (normalised === "") return "Enter the organisation's ODS code";
  if (kind === "ICB") {
    return ICB_ODS.test(normalised) ? null : "An ICB's ODS code is 3 characters starting with Q, for example QE1";
  }
  return TRUST_ODS.test(normalised)
    ? null
    : "An NHS trust's ODS code is 3 characters starting with R or T, for example RXN";
}
