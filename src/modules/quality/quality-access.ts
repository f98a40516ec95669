import type { Prisma } from "@/generated/prisma/client";
import { can, organisationOf, type Actor } from "@/server/auth/actor";
import { canEditScheme, schemeScope } from "@/modules/schemes/scheme-access";
import type { Signatory } from "./qia-rules";

/**
 * Who may do what with a scheme's QIA and EIA, in one place:
 * - editors (start, screen, write, submit, start a new version): those who may edit the scheme;
 * - signatories: clinical approvers of the scheme's organisation (medical or nursing), never its lead;
 * - follow-up (reviews, conditions met): finance or a clinical approver of the organisation,
 *   never the scheme's lead; a quality-committee override: finance only.
 */

type SchemeRef = { organisationId: string; leadId: string };

export { canEditScheme as canEditAssessment };

/** Assessments the actor may read: those of schemes they can see. */
export function qiaScope(actor: Actor): Prisma.QualityAssessmentWhereInput {
  return { scheme: schemeScope(actor) };
}

export function eiaScope(actor: Actor): Prisma.EqualityAssessmentWhereInput {
  return { scheme: schemeScope(actor) };
}

export function signatoryAt(actor: Actor, organisationId: string): Signatory {
  const organisation = organisationOf(actor, organisationId);
  return {
    userId: actor.userId,
    isClinicalApprover: can(actor, "qia.sign", organisationId),
    capacities: organisation?.roles.includes("CLINICAL_APPROVER") ? organisation.clinicalCapacities : [],
  };
}

export function canFollowUpQuality(actor: Actor, scheme: SchemeRef): boolean {
  if (scheme.leadId === actor.userId) return false;
  return can(actor, "scheme.edit.any", scheme.organisationId) || can(actor, "qia.sign", scheme.organisationId);
}

export function canOverrideQuality(actor: Actor, scheme: SchemeRef): boolean {
  return scheme.leadId !== actor.userId && can(actor, "scheme.edit.any", scheme.organisationId);
}

export function eiaSignatoryAt(actor: Actor, organisationId: string) {
  const organisation = organisationOf(actor, organisationId);
  return {
    userId: actor.userId,
    isClinicalApprover: can(actor, "qia.sign", organisationId),
    isFinanceDirector: Boolean(
      organisation?.roles.includes("FINANCE") && organisation.financeCapacities.includes("DIRECTOR"),
    ),
  };
}
