import type { Actor } from "@/server/auth/actor";
import { defaultProgrammeType, holdsProgrammeType, notHeldMessage } from "@/modules/organisations/programme-types";
import { can } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { forbidden, invalidField, notFound, stale } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { canEditScheme, schemeScope } from "./scheme-access";
import { schemeCode } from "./scheme-rules";
import type { CreateSchemeInput, SchemeFieldsInput, UpdateSchemeInput } from "./scheme-schemas";

/** Division, workstream and lead must belong to the scheme's organisation (or its system). */
async function checkReferences(tx: Tx, organisationId: string, input: SchemeFieldsInput, leadId: string) {
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { systemId: true },
  });
  if (input.divisionId && !(await tx.division.findFirst({ where: { id: input.divisionId, organisationId } }))) {
    throw invalidField("divisionId", "Choose a division of this organisation");
  }
  if (input.workstreamId) {
    const workstream = await tx.workstream.findFirst({
      where: {
        id: input.workstreamId,
        programme: { systemId: organisation.systemId, OR: [{ organisationId }, { organisationId: null }] },
      },
    });
    if (!workstream) throw invalidField("workstreamId", "Choose a workstream of this organisation's programmes");
  }
  const lead = await tx.membership.findFirst({
    where: { userId: leadId, organisationId, role: { in: ["LEAD", "FINANCE"] }, user: { active: true } },
  });
  if (!lead) throw invalidField("leadId", "Choose a lead who holds the lead or finance role at this organisation");
}

/** The scheme columns a form (or an import row) writes. */
export function schemeData(input: SchemeFieldsInput) {
  return {
    title: input.title,
    description: input.description,
    divisionId: input.divisionId ?? null,
    workstreamId: input.workstreamId ?? null,
    category: input.category,
    subCategory: input.subCategory ?? null,
    recurrent: input.recurrent,
    cashReleasing: input.cashReleasing,
    financialYear: input.financialYear,
    fullYearEffectPence: BigInt(input.fullYearEffect),
    inYearValuePence: BigInt(input.inYearValue),
    startMonth: input.startMonth ?? null,
    wteSubstantive: input.wteSubstantive,
    wteBank: input.wteBank,
    wteAgency: input.wteAgency,
    rag: input.rag ?? null,
  };
}

/**
 * A lead or finance creates a scheme at an organisation; it starts as an opportunity with
 * the next reference code. A lead leads their own schemes; finance may name the lead.
 */
/** `afterCreate` lets a caller link the new scheme in the same transaction (e.g. a portfolio decision). */
export async function createScheme(
  actor: Actor,
  input: CreateSchemeInput,
  options: { afterCreate?: (tx: Tx, scheme: { id: string; organisationId: string }) => Promise<void> } = {},
) {
  if (!can(actor, "scheme.create", input.organisationId))
    throw forbidden("Only finance, the PMO or a lead of this organisation can create schemes.");
  const leadId = input.leadId ?? actor.userId;
  if (leadId !== actor.userId && !can(actor, "scheme.edit.any", input.organisationId)) {
    throw invalidField("leadId", "You can create schemes you lead; finance or the PMO can name another lead");
  }
  return db().$transaction(async (tx) => {
    await checkReferences(tx, input.organisationId, input, leadId);
    const organisation = await tx.organisation.findUniqueOrThrow({
      where: { id: input.organisationId },
      select: { code: true, name: true, type: true, holdsDelegatedQipp: true },
    });
    // A trust its ICB delegates QIPP to may create QIPP-style schemes; otherwise the organisation's own programme.
    const type = input.programmeType ?? defaultProgrammeType(organisation);
    if (!holdsProgrammeType(organisation, type))
      throw invalidField("programmeType", notHeldMessage(organisation.name, type));
    // One number at a time per organisation, so concurrent creates never clash on the code.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scheme-code:${input.organisationId}`}))`;
    const last = await tx.scheme.aggregate({
      where: { organisationId: input.organisationId },
      _max: { codeNumber: true },
    });
    const codeNumber = (last._max.codeNumber ?? 0) + 1;
    const scheme = await tx.scheme.create({
      data: {
        organisationId: input.organisationId,
        leadId,
        type,
        codeNumber,
        code: schemeCode(organisation.code, type, codeNumber),
        ...schemeData(input),
      },
    });
    await recordAudit(tx, actor, {
      action: "scheme.create",
      entityType: "scheme",
      entityId: scheme.id,
      organisationId: scheme.organisationId,
      after: scheme,
    });
    await options.afterCreate?.(tx, scheme);
    return scheme;
  });
}

/**
 * After gateway 2 the plan is baselined against the in-year value and its year; a lead changing
 * them would move the goalposts. Finance may (and then re-baselines the plan, with a reason).
 */
function checkLockedValues(
  actor: Actor,
  before: { organisationId: string; planLockedAt: Date | null; inYearValuePence: bigint; financialYear: number },
  input: UpdateSchemeInput,
) {
  if (!before.planLockedAt || can(actor, "scheme.edit.any", before.organisationId)) return;
  const message = "The plan was baselined at gateway 2: only finance or the PMO can change this now";
  if (BigInt(input.inYearValue) !== before.inYearValuePence) throw invalidField("inYearValue", message);
  if (input.financialYear !== before.financialYear) throw invalidField("financialYear", message);
}

export async function updateScheme(actor: Actor, input: UpdateSchemeInput) {
  return db().$transaction(async (tx) => {
    const before = await tx.scheme.findFirst({ where: { id: input.schemeId, ...schemeScope(actor) } });
    if (!before) throw notFound("The scheme");
    if (!canEditScheme(actor, before))
      throw forbidden("Only the scheme's lead, finance or the PMO can change this scheme.");
    const leadId = input.leadId ?? before.leadId;
    if (leadId !== before.leadId && !can(actor, "scheme.edit.any", before.organisationId)) {
      throw invalidField("leadId", "Only finance or the PMO can hand a scheme to another lead");
    }
    await checkReferences(tx, before.organisationId, input, leadId);
    checkLockedValues(actor, before, input);
    const { count } = await tx.scheme.updateMany({
      where: { id: before.id, version: input.version },
      data: { ...schemeData(input), leadId, version: { increment: 1 } },
    });
    if (count === 0) throw stale("The scheme");
    const after = await tx.scheme.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, actor, {
      action: "scheme.update",
      entityType: "scheme",
      entityId: before.id,
      organisationId: before.organisationId,
      before,
      after,
    });
    return after;
  });
}
