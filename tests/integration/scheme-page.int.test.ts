import { formDataToObject } from "@/server/action";
import { beforeAll, describe, expect, it } from "vitest";
import { readAttachmentForDownload } from "@/modules/schemes/attachments/attachment-reads";
import { deleteAttachmentSchema, uploadAttachmentSchema } from "@/modules/schemes/attachments/attachment-schemas";
import { deleteAttachment, uploadAttachment } from "@/modules/schemes/attachments/attachment-writes";
import { MAX_ATTACHMENT_BYTES } from "@/modules/schemes/attachments/attachment-types";
import { findComments, findMyUnreadMentions } from "@/modules/schemes/comments/comment-reads";
import { postCommentSchema } from "@/modules/schemes/comments/comment-schemas";
import { postComment } from "@/modules/schemes/comments/post-comment";
import { findSchemeHistory, HISTORY_PAGE_SIZE } from "@/modules/schemes/history/find-scheme-history";
import { updateSchemeSchema } from "@/modules/schemes/scheme-schemas";
import { updateScheme } from "@/modules/schemes/scheme-writes";
import { markNotificationRead } from "@/modules/notifications/mark-notifications-read";
import { syncNotifications } from "@/modules/reminders/sync-notifications";
import { db } from "@/server/db";
import { docxFile, exeFile, pdfFile, pngFile } from "../factories/attachment-files";
import {
  SCHEME_ACTORS,
  checkSchemeCell,
  createSchemeRow,
  createSchemeWorld,
  schemeForm,
  schemeOutcomes,
  type SchemeMatrixSpec,
  type SchemeWorld,
} from "../factories/schemes";
import { auditEventsAfter, lastAuditId, runAction } from "../helpers/db-state";
import { useTestDatabase } from "../helpers/test-database";

/**
 * The scheme page's attachments, comments and history (issue 13 item 6) on real PostgreSQL:
 * who may upload, download, remove and comment; what is refused and how; what is audited.
 */

let w: SchemeWorld;
const newScheme = () => createSchemeRow({ organisationId: w.trustId, leadId: w.leadId });
const file = (fileName: string, bytes: Uint8Array) => ({ fileName, bytes });

/** Those who edit the scheme: its lead and finance (the ICB's system-wide finance too). */
const EDIT = schemeOutcomes(
  ["FINANCE at the trust", "LEAD at the trust, the scheme's lead", "FINANCE at the ICB, system-wide"],
  {
    "FINANCE at another trust of the system": "NOT_FOUND",
    "FINANCE at another system's ICB, system-wide": "NOT_FOUND",
  },
);

const uploadSpec: SchemeMatrixSpec = {
  name: "uploadAttachment",
  expected: EDIT,
  action: "scheme.attachment.upload",
  entityType: "scheme",
  changes: { scheme_attachment: 1, attachment_blob: 1, audit_event: 1 },
  prepare: async () => {
    const scheme = await newScheme();
    return {
      raw: { schemeId: scheme.id, file: file("Business case.pdf", pdfFile()) },
      organisationId: w.trustId,
      snapshot: () => db().schemeAttachment.count({ where: { schemeId: scheme.id } }),
      verify: async () => {
        const [row] = await db().schemeAttachment.findMany({ where: { schemeId: scheme.id }, include: { blob: true } });
        expect(row).toMatchObject({ fileName: "Business case.pdf", contentType: "application/pdf" });
        expect(Buffer.from(row!.blob!.bytes)).toEqual(pdfFile());
      },
    };
  },
  run: (actor, raw) =>
    runAction(
      uploadAttachmentSchema,
      async (a, input) => (await uploadAttachment(a, input), { entityId: input.schemeId }),
      actor,
      raw,
    ),
};

const deleteSpec: SchemeMatrixSpec = {
  name: "deleteAttachment",
  expected: EDIT,
  action: "scheme.attachment.delete",
  entityType: "scheme",
  changes: { scheme_attachment: -1, attachment_blob: -1, audit_event: 1 },
  prepare: async () => {
    const scheme = await newScheme();
    const finance = w.actors["FINANCE at the trust"];
    const attachment = await uploadAttachment(finance, { schemeId: scheme.id, file: file("qia.docx", docxFile()) });
    return {
      raw: { schemeId: scheme.id, attachmentId: attachment.id },
      organisationId: w.trustId,
      snapshot: () => db().schemeAttachment.count({ where: { schemeId: scheme.id } }),
      verify: async () => {
        expect(await db().schemeAttachment.count({ where: { schemeId: scheme.id } })).toBe(0);
        expect(await db().attachmentBlob.count({ where: { attachmentId: attachment.id } })).toBe(0);
      },
    };
  },
  run: (actor, raw) =>
    runAction(
      deleteAttachmentSchema,
      async (a, input) => (await deleteAttachment(a, input), { entityId: input.schemeId }),
      actor,
      raw,
    ),
};

/** Anyone who sees the scheme and is not read-only: board members and administrators may not. */
const commentSpec: SchemeMatrixSpec = {
  name: "postComment",
  expected: schemeOutcomes(
    [
      "FINANCE at the trust",
      "LEAD at the trust, the scheme's lead",
      "LEAD at the trust, not the scheme's lead",
      "CLINICAL_APPROVER at the trust",
      "FINANCE at the ICB, system-wide",
    ],
    {
      "FINANCE at another trust of the system": "NOT_FOUND",
      "FINANCE at another system's ICB, system-wide": "NOT_FOUND",
    },
  ),
  action: "scheme.comment.add",
  entityType: "scheme",
  changes: { scheme_comment: 1, audit_event: 1 },
  prepare: async () => {
    const scheme = await newScheme();
    return {
      raw: { schemeId: scheme.id, body: "Agency spend is still above the cap in ward 5." },
      organisationId: w.trustId,
      snapshot: () => db().schemeComment.count({ where: { schemeId: scheme.id } }),
      verify: async (_id, actor) => {
        const [comment] = await findComments(scheme.id);
        expect(comment).toMatchObject({ body: "Agency spend is still above the cap in ward 5.", mentions: [] });
        expect(comment!.author.name).toBe(actor.name);
      },
    };
  },
  run: (actor, raw) =>
    runAction(
      postCommentSchema,
      async (a, input) => (await postComment(a, input), { entityId: input.schemeId }),
      actor,
      raw,
    ),
};

describe("scheme page writes: authorization", () => {
  useTestDatabase();
  beforeAll(async () => {
    w = await createSchemeWorld();
  });

  for (const spec of [uploadSpec, deleteSpec, commentSpec]) {
    describe(spec.name, () => {
      it.each(SCHEME_ACTORS.map((key) => [key, spec.expected[key]] as const))("%s: %s", async (key, expected) => {
        await checkSchemeCell(spec, w.actors[key], expected);
      });
    });
  }

  describe("downloads", () => {
    let schemeId: string;
    let attachmentId: string;
    beforeAll(async () => {
      schemeId = (await newScheme()).id;
      attachmentId = (
        await uploadAttachment(w.actors["FINANCE at the trust"], { schemeId, file: file("chart.png", pngFile()) })
      ).id;
    });

    it("gives the file to everyone who may see the scheme, the board included, and audits each download", async () => {
      for (const key of SCHEME_ACTORS.filter((k) => !k.includes("another"))) {
        const last = await lastAuditId();
        const got = await readAttachmentForDownload(w.actors[key], schemeId, attachmentId);
        expect(got, key).toMatchObject({ fileName: "chart.png", contentType: "image/png" });
        expect(Buffer.from(got!.bytes)).toEqual(pngFile());
        expect(await auditEventsAfter(last)).toMatchObject([
          {
            action: "scheme.attachment.download",
            entityType: "scheme_attachment",
            entityId: attachmentId,
            actorId: w.actors[key].userId,
          },
        ]);
      }
    });

    it("is not found for another trust's or another system's user, or under another scheme's id", async () => {
      const other = await newScheme();
      for (const key of [
        "FINANCE at another trust of the system",
        "FINANCE at another system's ICB, system-wide",
      ] as const)
        expect(await readAttachmentForDownload(w.actors[key], schemeId, attachmentId)).toBeNull();
      expect(await readAttachmentForDownload(w.actors["FINANCE at the trust"], other.id, attachmentId)).toBeNull();
    });
  });

  describe("refused files", () => {
    const finance = () => w.actors["FINANCE at the trust"];
    const attempt = async (name: string, bytes: Uint8Array) => {
      const scheme = await newScheme();
      const last = await lastAuditId();
      const result = await runAction(uploadAttachmentSchema, uploadAttachment, finance(), {
        schemeId: scheme.id,
        file: file(name, bytes),
      });
      return { result, scheme, events: await auditEventsAfter(last) };
    };

    it("refuses a type off the list, and a program named .pdf, with a field message; audits name and size only", async () => {
      for (const [name, bytes, message] of [
        ["setup.exe", exeFile(), /^Files of type \.exe cannot be attached/],
        ["business-case.pdf", exeFile(), /contents are not PDF/],
      ] as const) {
        const { result, scheme, events } = await attempt(name, bytes);
        expect(result).toMatchObject({
          ok: false,
          code: "INVALID",
          fieldErrors: { file: [expect.stringMatching(message)] },
        });
        expect(await db().schemeAttachment.count({ where: { schemeId: scheme.id } })).toBe(0);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ action: "action.refused", entityId: "uploadAttachment" });
        expect(events[0]!.after).toMatchObject({ input: { schemeId: scheme.id, fileName: name, size: bytes.length } });
      }
    });

    it("refuses a file over 10 MB, and the database refuses one whatever the caller", async () => {
      const big = Buffer.concat([pdfFile(), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
      const { result } = await attempt("big.pdf", big);
      expect(result).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringMatching(/limit is 10 MB/)] } });
      const scheme = await newScheme();
      await expect(
        db().schemeAttachment.create({
          data: {
            schemeId: scheme.id,
            organisationId: w.trustId,
            fileName: "x.pdf",
            contentType: "application/pdf",
            sizeBytes: MAX_ATTACHMENT_BYTES + 1,
            sha256: "0".repeat(64),
            uploadedById: finance().userId,
          },
        }),
      ).rejects.toThrow();
    });

    it("asks for a file when none is chosen", async () => {
      const scheme = await newScheme();
      const result = await runAction(uploadAttachmentSchema, uploadAttachment, finance(), { schemeId: scheme.id });
      expect(result).toMatchObject({ ok: false, fieldErrors: { file: ["Choose a file to attach"] } });
    });
  });

  describe("comments and mentions", () => {
    it("notifies each person mentioned, by the picker or @address in the text; they see it until they read it", async () => {
      const scheme = await newScheme();
      const lead = w.actors["LEAD at the trust, the scheme's lead"];
      const clinician = w.actors["CLINICAL_APPROVER at the trust"];
      const icb = w.actors["FINANCE at the ICB, system-wide"];
      const board = w.actors["BOARD at the trust"];
      const result = await runAction(postCommentSchema, postComment, w.actors["FINANCE at the trust"], {
        schemeId: scheme.id,
        body: `Can @${icb.email} confirm the agency cap? The QIA needs a look too.`,
        mentions: `${lead.email.toUpperCase()}, ${clinician.email}; ${board.email}`,
      });
      expect(result).toMatchObject({ ok: true });
      for (const person of [lead, clinician, icb, board]) {
        const [mention] = await findMyUnreadMentions(person.userId);
        expect(mention, person.name).toMatchObject({
          title: `${w.actors["FINANCE at the trust"].name} mentioned you on ${scheme.code}`,
          detail: scheme.title,
        });
        expect(mention!.href).toMatch(new RegExp(`^/schemes/${scheme.id}#comment-`));
      }
      // The reminder job owns its own kinds only: a full run and a person's refresh leave mentions alone.
      await syncNotifications();
      await syncNotifications({ userId: lead.userId });
      expect(await findMyUnreadMentions(lead.userId)).toHaveLength(1);
      const [mention] = await findMyUnreadMentions(lead.userId);
      await markNotificationRead(lead, { notificationId: mention!.id });
      expect(await findMyUnreadMentions(lead.userId)).toEqual([]);
      const [comment] = await findComments(scheme.id);
      expect(comment!.mentions.map((m) => m.user.name).sort()).toEqual(
        [lead.name, clinician.name, icb.name, board.name].sort(),
      );
    });

    it("refuses a mention of someone who cannot see the scheme, or text that is not an address; writes nothing", async () => {
      const scheme = await newScheme();
      const outsider = w.actors["FINANCE at another trust of the system"];
      const last = await lastAuditId();
      const notOurs = await runAction(postCommentSchema, postComment, w.actors["FINANCE at the trust"], {
        schemeId: scheme.id,
        body: "Please check.",
        mentions: outsider.email,
      });
      expect(notOurs).toMatchObject({
        ok: false,
        code: "INVALID",
        fieldErrors: { mentions: [`${outsider.email} is not someone who can see this scheme`] },
      });
      const garbled = await runAction(postCommentSchema, postComment, w.actors["FINANCE at the trust"], {
        schemeId: scheme.id,
        body: "Please check.",
        mentions: "Jo Bloggs",
      });
      expect(garbled).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: { mentions: [expect.stringMatching(/^"Jo" is not an email address/)] },
      });
      expect(await db().schemeComment.count({ where: { schemeId: scheme.id } })).toBe(0);
      expect(await db().notification.count({ where: { userId: outsider.userId, kind: "MENTION" } })).toBe(0);
      expect(await auditEventsAfter(last)).toEqual([]);
    });

    it("takes the people ticked in the form (one field, several values) and mentions each once", async () => {
      const scheme = await newScheme();
      const lead = w.actors["LEAD at the trust, the scheme's lead"];
      const clinician = w.actors["CLINICAL_APPROVER at the trust"];
      const form = new FormData();
      form.set("schemeId", scheme.id);
      form.set("body", `Over to you both; @${lead.email} first.`);
      form.append("mentions", lead.email);
      form.append("mentions", clinician.email);
      const result = await runAction(
        postCommentSchema,
        postComment,
        w.actors["FINANCE at the trust"],
        formDataToObject(form),
      );
      expect(result).toMatchObject({ ok: true, data: { mentioned: [lead.name, clinician.name] } });
      const commentId = result.ok ? result.data.commentId : "";
      const notified = await db().notification.findMany({
        where: { causeKey: `mention:${commentId}` },
        select: { userId: true },
      });
      expect(notified.map((n) => n.userId).sort()).toEqual([lead.userId, clinician.userId].sort());
      const ticked = postCommentSchema.safeParse({
        schemeId: scheme.id,
        body: "x",
        mentions: [lead.email, "Jo Bloggs"],
      });
      expect(ticked.error?.issues.map((i) => i.message)).toEqual([
        '"Jo" is not an email address: pick people from the list, separated by commas',
      ]);
    });

    it("validates the text: required, at most 4,000 characters, no control characters", () => {
      const base = { schemeId: "00000000-0000-4000-8000-000000000000" };
      const errors = (body: string) =>
        postCommentSchema.safeParse({ ...base, body }).error?.issues.map((i) => i.message);
      expect(errors("   ")).toEqual(["Enter your comment"]);
      expect(errors("x".repeat(4001))).toEqual(["Your comment must be 4000 characters or fewer"]);
      expect(errors("a\u0000b")?.[0]).toMatch(/control character/);
    });
  });

  describe("history", () => {
    it("reads the scheme's audit events newest first with readable changes, twenty a page", async () => {
      const lead = w.actors["LEAD at the trust, the scheme's lead"];
      const scheme = await newScheme();
      let version = 1;
      for (let i = 1; i <= HISTORY_PAGE_SIZE + 1; i++) {
        const form = schemeForm(w.trustId, { title: `Agency cap, round ${i}`, leadId: w.leadId });
        const { organisationId: _o, ...fields } = form;
        void _o;
        await updateScheme(
          lead,
          updateSchemeSchema.parse({ ...fields, schemeId: scheme.id, version: String(version) }),
        );
        version++;
      }
      await uploadAttachment(lead, { schemeId: scheme.id, file: file("case.pdf", pdfFile()) });
      const first = await findSchemeHistory(scheme.id, 1);
      expect(first).toMatchObject({ total: HISTORY_PAGE_SIZE + 2, page: 1, pages: 2 });
      expect(first.entries).toHaveLength(HISTORY_PAGE_SIZE);
      expect(first.entries[0]).toMatchObject({ summary: "Attached case.pdf", actorName: lead.name });
      expect(first.entries[1]).toMatchObject({
        summary: "Edited the scheme",
        actorName: lead.name,
        changes: expect.arrayContaining([
          {
            field: "Title",
            before: `Agency cap, round ${HISTORY_PAGE_SIZE}`,
            after: `Agency cap, round ${HISTORY_PAGE_SIZE + 1}`,
          },
        ]),
      });
      const second = await findSchemeHistory(scheme.id, 2);
      expect(second.entries).toHaveLength(2);
      expect(second.entries[1]!.changes).toContainEqual({
        field: "Title",
        before: expect.any(String),
        after: "Agency cap, round 1",
      });
      // A page past the end shows the last page; another scheme's events never appear.
      expect((await findSchemeHistory(scheme.id, 99)).page).toBe(2);
      expect((await findSchemeHistory((await newScheme()).id, 1)).total).toBe(0);
    });
  });
});
