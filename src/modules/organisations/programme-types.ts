import type { OrganisationType, SchemeType } from "@/generated/prisma/enums";

/**
 * Which recovery programmes an organisation holds (issue 11 item 3): a trust runs a cost
 * improvement programme (CIP), an ICB a QIPP programme; a trust may also hold QIPP-style schemes
 * where its ICB delegates them (the organisation's `holdsDelegatedQipp` setting). Each programme
 * type has its own target per year.
 */

export const PROGRAMME_TYPES = ["CIP", "QIPP"] as const satisfies readonly SchemeType[];
export type ProgrammeType = (typeof PROGRAMME_TYPES)[number];

export const PROGRAMME_TYPE_LABELS: Record<ProgrammeType, string> = {
  CIP: "CIP (cost improvement)",
  QIPP: "QIPP",
};

export interface ProgrammeHolder {
  type: OrganisationType;
  holdsDelegatedQipp: boolean;
}

/** The programme types an organisation holds, CIP first. */
export function programmeTypesOf(organisation: ProgrammeHolder): ProgrammeType[] {
  if (organisation.type === "ICB") return ["QIPP"];
  return organisation.holdsDelegatedQipp ? ["CIP", "QIPP"] : ["CIP"];
}

/** The type a new scheme or target gets when none is chosen: the organisation's own programme. */
export function defaultProgrammeType(organisation: ProgrammeHolder): ProgrammeType {
  return organisation.type === "ICB" ? "QIPP" : "CIP";
}

export function holdsProgrammeType(organisation: ProgrammeHolder, type: ProgrammeType): boolean {
  return programmeTypesOf(organisation).includes(type);
}

/** The sentence for a target or scheme of a type the organisation does not hold. */
export function notHeldMessage(organisationName: string, type: ProgrammeType): string {
  return type === "QIPP"
    ? `${organisationName} does not hold QIPP schemes. An administrator can record that its ICB delegates QIPP to it.`
    : `${organisationName} is an ICB: it holds QIPP, not CIP.`;
}
