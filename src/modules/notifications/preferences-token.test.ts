import { describe, expect, it } from "vitest";
import { checkPreferencesToken, preferencesToken } from "./preferences-token";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const ME = "7d4a3a1e-6f1c-4f32-9a55-0d1f1b8c2e01";
const SOMEONE = "0b6e0f4c-1a22-4b8e-8f0e-3f7c1f6a9d02";

describe("preferences link token", () => {
  it("accepts the person's own link", () => {
    expect(checkPreferencesToken(preferencesToken(ME, SECRET), ME, SECRET)).toEqual({ ok: true });
  });
  it("refuses someone else's link, even a genuine one", () => {
    expect(checkPreferencesToken(preferencesToken(SOMEONE, SECRET), ME, SECRET)).toEqual({
      ok: false,
      reason: "someone-else",
    });
  });
  it.each([
    ["another user id under my signature", `${SOMEONE}.${preferencesToken(ME, SECRET).split(".")[1]}`],
    ["a changed signature", `${preferencesToken(ME, SECRET).slice(0, -2)}xx`],
    ["a token signed with another secret", preferencesToken(ME, `${SECRET}-other`)],
    ["no signature", ME],
    ["extra parts", `${preferencesToken(ME, SECRET)}.more`],
    ["nothing", ""],
  ])("refuses %s as tampered", (_, token) => {
    expect(checkPreferencesToken(token, ME, SECRET)).toEqual({ ok: false, reason: "tampered" });
  });
});
