import { Prisma } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { invalidField, isUniqueViolation, notFound } from "@/server/errors";
import { recordAudit } from "@/modules/audit/record-audit";
import { portfolioScope } from "./portfolio-access";
import type { CreateServiceLineInput, SetServiceLineSizeInput } from "./portfolio-schemas";

const REFUSAL = "Only finance or the PMO of this organisation can change its service lines.";

export async function createServiceLine(actor: Actor, input: CreateServiceLineInput) {
  assertCan(actor, "portfolio.manage", input.organisationId, REFUSAL);
  try {
    return await db().$transaction(async (tx) => {
      if (input.parentId) {
        const parent = await tx.serviceLine.findFirst({
          where: { id: input.parentId, organisationId: input.organisationId, level: "MESO" },
        });
        if (!parent) throw invalidField("parentId", "Choose a divisional service line of this organisation");
      }
      if (input.divisionId) {
        const division = await tx.division.findFirst({
          where: { id: input.divisionId, organisationId: input.organisationId },
        });
        if (!division) throw invalidField("divisionId", "Choose a division of this organisation");
      }
      const line = await tx.serviceLine.create({
        data: {
          organisationId: input.organisationId,
          name: input.name,
          level: input.level,
          parentId: input.parentId ?? null,
          divisionId: input.divisionId ?? null,
        },
      });
      await recordAudit(tx, actor, {
        action: "service-line.create",
        entityType: "service_line",
        entityId: line.id,
        organisationId: line.organisationId,
        after: line,
      });
      return line;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw invalidField("name", "This organisation already has a service line of that name");
    throw error;
  }
}

/** Budget, patients and staff of a line in one year; a blank measure is cleared. */
export async function setServiceLineSize(actor: Actor, input: SetServiceLineSizeInput) {
  return db().$transaction(async (tx) => {
    const line = await tx.serviceLine.findFirst({ where: { id: input.serviceLineId, ...portfolioScope(actor) } });
    if (!line) throw notFound("The service line");
    assertCan(actor, "portfolio.manage", line.organisationId, REFUSAL);
    const where = { serviceLineId_financialYear: { serviceLineId: line.id, financialYear: input.financialYear } };
    const before = await tx.serviceLineSize.findUnique({ where });
    const data = {
      budgetPence: input.budget === undefined ? null : BigInt(input.budget),
      patients: input.patients ?? null,
      staffWte: input.staffWte === undefined ? null : new Prisma.Decimal(input.staffWte),
    };
    const after = await tx.serviceLineSize.upsert({
      where,
      create: { serviceLineId: line.id, financialYear: input.financialYear, ...data },
      update: data,
    });
    await recordAudit(tx, actor, {
      action: "service-line.size",
      entityType: "service_line",
      entityId: line.id,
      organisationId: line.organisationId,
      before,
      after,
    });
    return { serviceLineId: after.serviceLineId, financialYear: after.financialYear };
  });
}
