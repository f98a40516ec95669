import { recordAudit } from "@/modules/audit/record-audit";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { schemeScope } from "../scheme-access";
import { attachmentStore } from "./attachment-store";

/** A scheme's attachments, newest first, without their bytes. The caller has read the scheme in scope. */
export async function findAttachments(schemeId: string) {
  return db().schemeAttachment.findMany({
    where: { schemeId },
    orderBy: { uploadedAt: "desc" },
    select: {
      id: true,
      fileName: true,
      contentType: true,
      sizeBytes: true,
      uploadedAt: true,
      uploadedBy: { select: { name: true } },
    },
  });
}

/**
 * An attachment's file for someone who may see its scheme, or null (another organisation's
 * attachment is "not found", never "forbidden", so its existence does not leak). Each download is
 * audited against the attachment (not the scheme, so the scheme's history shows changes only).
 */
export async function readAttachmentForDownload(actor: Actor, schemeId: string, attachmentId: string) {
  const attachment = await db().schemeAttachment.findFirst({
    where: { id: attachmentId, schemeId, scheme: schemeScope(actor) },
    select: { id: true, fileName: true, contentType: true, sizeBytes: true, organisationId: true },
  });
  if (!attachment) return null;
  const bytes = await attachmentStore().read(attachment.id);
  if (!bytes) return null;
  await recordAudit(db() as unknown as Tx, actor, {
    action: "scheme.attachment.download",
    entityType: "scheme_attachment",
    entityId: attachment.id,
    organisationId: attachment.organisationId,
  });
  return { ...attachment, bytes };
}
