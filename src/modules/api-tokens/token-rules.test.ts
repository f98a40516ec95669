import { describe, expect, it } from "vitest";
import {
  MAX_TOKEN_DAYS,
  generateToken,
  hashToken,
  isFirstUseOfDay,
  isWellFormedToken,
  rateWindowStart,
  retryAfterSeconds,
  tokenDisplayPrefix,
  tokenExpiry,
  tokenFromAuthorization,
} from "./token-rules";

describe("API token rules", () => {
  it("generates well-formed, distinct tokens whose hash is 64 hex characters", () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).not.toBe(b);
    expect(isWellFormedToken(a)).toBe(true);
    expect(a).toHaveLength(50);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toBe(hashToken(b));
    expect(tokenDisplayPrefix(a)).toBe(a.slice(0, 11));
  });

  it.each([
    [null, { ok: false, reason: "missing" }],
    ["", { ok: false, reason: "missing" }],
    ["Basic dXNlcjpwYXNz", { ok: false, reason: "malformed" }],
    ["Bearer rt_pat_short", { ok: false, reason: "malformed" }],
    ["Bearer rt_pat_" + "a".repeat(44), { ok: false, reason: "malformed" }],
    ["Bearer xx_pat_" + "a".repeat(43), { ok: false, reason: "malformed" }],
    ["Bearer rt_pat_" + "a".repeat(42) + "'", { ok: false, reason: "malformed" }],
    ["bearer rt_pat_" + "a".repeat(43), { ok: true, token: "rt_pat_" + "a".repeat(43) }],
    // Power BI's "Basic" credentials: any user name, the token as the password.
    [
      `Basic ${Buffer.from(`powerbi:rt_pat_${"b".repeat(43)}`).toString("base64")}`,
      { ok: true, token: "rt_pat_" + "b".repeat(43) },
    ],
    [`Basic ${Buffer.from(`rt_pat_${"b".repeat(43)}:`).toString("base64")}`, { ok: false, reason: "malformed" }],
    [`Basic ${Buffer.from(`rt_pat_${"b".repeat(43)}`).toString("base64")}`, { ok: false, reason: "malformed" }],
  ])("reads %j", (header, expected) => {
    expect(tokenFromAuthorization(header)).toEqual(expected);
  });

  it("expires within 1 to 365 days", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(tokenExpiry(now, 365).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(() => tokenExpiry(now, MAX_TOKEN_DAYS + 1)).toThrow(RangeError);
    expect(() => tokenExpiry(now, 0)).toThrow(RangeError);
    expect(() => tokenExpiry(now, 1.5)).toThrow(RangeError);
  });

  it("counts requests per UTC minute and says when to retry", () => {
    const now = new Date("2026-01-01T10:15:42.300Z");
    expect(rateWindowStart(now).toISOString()).toBe("2026-01-01T10:15:00.000Z");
    expect(retryAfterSeconds(now)).toBe(18);
    expect(retryAfterSeconds(new Date("2026-01-01T10:15:59.999Z"))).toBe(1);
  });

  it("audits the first use of each UTC day", () => {
    const now = new Date("2026-01-02T00:00:01Z");
    expect(isFirstUseOfDay(null, now)).toBe(true);
    expect(isFirstUseOfDay(new Date("2026-01-01T23:59:59Z"), now)).toBe(true);
    expect(isFirstUseOfDay(new Date("2026-01-02T00:00:00Z"), now)).toBe(false);
  });
});
