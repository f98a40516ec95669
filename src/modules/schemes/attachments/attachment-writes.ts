import { createHash } from "node:crypto";
import { recordAudit, recordDeniedAttempt } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { DomainError, forbidden, notFound } from "@/server/errors";
import { canEditScheme, schemeScope } from "../scheme-access";
import type { DeleteAttachmentInput, UploadAttachmentInput } from "./attachment-schemas";
import { attachmentStore } from "./attachment-store";
import { identifyAttachment } from "./attachment-types";

const MAY_NOT = "Only the scheme's lead, finance or the PMO can add or remove its attachments.";

/**
 * Attaches a file to a scheme: those who edit the scheme may; the type comes from the bytes;
 * the row, the bytes and the audit event land in one transaction. A refused file (type or size)
 * is audited by name and size only.
 */
export async function uploadAttachment(actor: Actor, input: UploadAttachmentInput) {
  const scheme = await db().scheme.findFirst({
    where: { id: input.schemeId, ...schemeScope(actor) },
    select: { id: true, organisationId: true, leadId: true },
  });
  if (!scheme) throw notFound("The scheme");
  if (!canEditScheme(actor, scheme)) throw forbidden(MAY_NOT);
  const verdict = identifyAttachment(input.file.bytes, input.file.fileName);
  if (!verdict.ok) {
    const refusal = new DomainError("INVALID", verdict.error, { file: [verdict.error] });
    await recordDeniedAttempt(
      actor,
      "uploadAttachment",
      { schemeId: scheme.id, fileName: input.file.fileName, size: input.file.bytes.length },
      { code: "INVALID", message: verdict.error },
    );
    refusal.audited = true;
    throw refusal;
  }
  const sha256 = createHash("sha256").update(input.file.bytes).digest("hex");
  return db().$transaction(async (tx) => {
    const attachment = await tx.schemeAttachment.create({
      data: {
        schemeId: scheme.id,
        organisationId: scheme.organisationId,
        fileName: verdict.fileName,
        contentType: verdict.contentType,
        sizeBytes: input.file.bytes.length,
        sha256,
        uploadedById: actor.userId,
      },
      select: { id: true, fileName: true, contentType: true, sizeBytes: true, sha256: true },
    });
    const { id: attachmentId, ...described } = attachment;
    await attachmentStore().put(tx, attachment.id, input.file.bytes);
    await recordAudit(tx, actor, {
      action: "scheme.attachment.upload",
      entityType: "scheme",
      entityId: scheme.id,
      organisationId: scheme.organisationId,
      after: { attachmentId, ...described },
    });
    return attachment;
  });
}

/** Removes an attachment (row and bytes) for those who edit the scheme; audited with what was removed. */
export async function deleteAttachment(actor: Actor, input: DeleteAttachmentInput) {
  return db().$transaction(async (tx) => {
    const attachment = await tx.schemeAttachment.findFirst({
      where: { id: input.attachmentId, schemeId: input.schemeId, scheme: schemeScope(actor) },
      select: {
        id: true,
        fileName: true,
        contentType: true,
        sizeBytes: true,
        sha256: true,
        scheme: { select: { id: true, organisationId: true, leadId: true } },
      },
    });
    if (!attachment) throw notFound("The attachment");
    if (!canEditScheme(actor, attachment.scheme)) throw forbidden(MAY_NOT);
    await attachmentStore().remove(tx, attachment.id);
    await tx.schemeAttachment.delete({ where: { id: attachment.id } });
    const { scheme, id, ...kept } = attachment;
    await recordAudit(tx, actor, {
      action: "scheme.attachment.delete",
      entityType: "scheme",
      entityId: scheme.id,
      organisationId: scheme.organisationId,
      before: { attachmentId: id, ...kept },
    });
    return { attachmentId: id, fileName: attachment.fileName };
  });
}
