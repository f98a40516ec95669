import { db, type Tx } from "@/server/db";

/**
 * Where an attachment's bytes live. Today PostgreSQL (attachment_blob), so a file and its row
 * commit together and backups hold both. An object store (S3, Azure Blob) can implement the same
 * three calls: `put` before the row's transaction commits (an orphan object is harmless and can
 * be swept; a row without its object is not), `remove` after it.
 */
export interface AttachmentStore {
  put(tx: Tx, attachmentId: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when they are gone. */
  read(attachmentId: string): Promise<Uint8Array | null>;
  remove(tx: Tx, attachmentId: string): Promise<void>;
}

export const postgresAttachmentStore: AttachmentStore = {
  async put(tx, attachmentId, bytes) {
    await tx.attachmentBlob.create({ data: { attachmentId, bytes: new Uint8Array(bytes) } });
  },
  async read(attachmentId) {
    const blob = await db().attachmentBlob.findUnique({ where: { attachmentId }, select: { bytes: true } });
    return blob ? blob.bytes : null;
  },
  async remove(tx, attachmentId) {
    await tx.attachmentBlob.deleteMany({ where: { attachmentId } });
  },
};

/** The store in use; one place to switch to an object store. */
export function attachmentStore(): AttachmentStore {
  return postgresAttachmentStore;
}
