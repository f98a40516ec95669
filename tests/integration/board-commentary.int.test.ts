import { beforeAll, describe, expect, it } from "vitest";
import { saveBoardCommentarySchema } from "@/modules/board/board-commentary-schemas";
import { findBoardCommentary, saveBoardCommentary } from "@/modules/board/save-board-commentary";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { createActor } from "../factories";
import { createOrderedSystem } from "../factories/scheme-rows";
import { useTestDatabase } from "../helpers/test-database";

/** The board pack's monthly commentary: per organisation and month, finance only, audited, no lost update. */
describe("board commentary", () => {
  useTestDatabase();
  let trust: string;
  let other: string;
  let finance: Actor;
  let board: Actor;
  let otherFinance: Actor;

  beforeAll(async () => {
    const { trusts } = await createOrderedSystem(["A", "B"]);
    trust = trusts[0]!.id;
    other = trusts[1]!.id;
    finance = await createActor([{ organisationId: trust, role: "FINANCE" }]);
    board = await createActor([{ organisationId: trust, role: "BOARD" }]);
    otherFinance = await createActor([{ organisationId: other, role: "FINANCE" }]);
  });

  const input = (body: string, version: number, month = 7) =>
    saveBoardCommentarySchema.parse({
      organisationId: trust,
      financialYear: "2026/27",
      month: String(month),
      body,
      version,
    });

  it("finance writes and rewrites the month's commentary; each change is audited with before and after", async () => {
    await saveBoardCommentary(finance, input("Behind plan by £1.2m on agency.", 0));
    const saved = await saveBoardCommentary(finance, input("Behind plan by £1.1m; agency recovery plan agreed.", 1));
    expect(saved.version).toBe(2);
    expect(await findBoardCommentary(trust, 2026, 7)).toMatchObject({
      body: "Behind plan by £1.1m; agency recovery plan agreed.",
      version: 2,
    });
    // Another month is another commentary.
    expect(await findBoardCommentary(trust, 2026, 6)).toBeNull();
    const audit = await db().auditEvent.findMany({
      where: { action: "board-commentary.save", organisationId: trust },
      orderBy: { occurredAt: "asc" },
    });
    expect(audit).toHaveLength(2);
    expect(audit[0]!.before).toBeNull();
    expect(audit[1]!.before).toEqual({ body: "Behind plan by £1.2m on agency.", version: 1 });
    expect(audit[1]!.after).toEqual({ body: "Behind plan by £1.1m; agency recovery plan agreed.", version: 2 });
  });

  it("refuses a stale version: the second of two writers is told, nothing is overwritten", async () => {
    await saveBoardCommentary(finance, input("First at M8.", 0, 8));
    await expect(
      saveBoardCommentary(finance, input("Second at M8, from the same empty page.", 0, 8)),
    ).rejects.toMatchObject({
      code: "STALE",
    });
    expect((await findBoardCommentary(trust, 2026, 8))?.body).toBe("First at M8.");
  });

  it("refuses the board and another organisation's finance, writing nothing", async () => {
    await expect(saveBoardCommentary(board, input("Board may not write.", 0, 9))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(saveBoardCommentary(otherFinance, input("Not my trust.", 0, 9))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await findBoardCommentary(trust, 2026, 9)).toBeNull();
  });

  it("validates the text and the month with a message per field", () => {
    const result = saveBoardCommentarySchema.safeParse({
      organisationId: trust,
      financialYear: "2026/27",
      month: "13",
      body: "   ",
      version: "0",
    });
    expect(result.success).toBe(false);
    const fields = result.error!.flatten().fieldErrors;
    expect(fields.body).toEqual(["Enter the commentary"]);
    expect(fields.month?.[0]).toMatch(/M1 \(April\) to M12 \(March\)/);
    expect(saveBoardCommentarySchema.safeParse({ ...input("x", 0), body: "x".repeat(4001) }).success).toBe(false);
  });
});
