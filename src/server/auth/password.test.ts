import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with bcrypt and verifies only the right password", async () => {
    const hash = await hashPassword("Recovery-2026!");
    expect(hash).toMatch(/^\$2[aby]\$\d{2}\$/);
    expect(await verifyPassword("Recovery-2026!", hash)).toBe(true);
    // The dummy hash stands in for unknown emails: at another cost, timing would tell them apart.
    expect(bcrypt.getRounds(DUMMY_HASH)).toBe(bcrypt.getRounds(hash));
    expect(bcrypt.getRounds(hash)).toBeGreaterThanOrEqual(10);
  });

  it("refuses a wrong password (cheap hash, same code path)", async () => {
    const cheap = bcrypt.hashSync("Recovery-2026!", 4);
    expect(await verifyPassword("recovery-2026!", cheap)).toBe(false);
    expect(await verifyPassword("", cheap)).toBe(false);
  });
});
