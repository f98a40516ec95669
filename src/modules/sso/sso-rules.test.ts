import { describe, expect, it } from "vitest";
import { evaluateSsoClaims, parseList, type SsoPolicy } from "./sso-rules";

const OPEN: SsoPolicy = { allowedDomains: [], allowedTenants: [], requireVerifiedEmail: true };
const NHS: SsoPolicy = { allowedDomains: ["nhs.net", "lthtr.nhs.uk"], allowedTenants: [], requireVerifiedEmail: true };
const TENANT = "37c354b2-85b0-47f5-b222-07b48d774ee3";

describe("evaluateSsoClaims", () => {
  it("matches by the verified email, lower-cased", () => {
    expect(
      evaluateSsoClaims({ sub: "s1", email: " Jane.Smith@NHS.net ", email_verified: true, name: "Jane" }, NHS),
    ).toEqual({
      ok: true,
      subject: "s1",
      email: "jane.smith@nhs.net",
      name: "Jane",
      tenantId: null,
    });
  });

  it.each([
    [{ sub: "s", email_verified: true }, OPEN, "no_email"],
    [{ email: "a@nhs.net", email_verified: true }, OPEN, "no_email"],
    [{ sub: "s", email: "not-an-email", email_verified: true }, OPEN, "no_email"],
    [{ sub: "s", email: "a@nhs.net" }, OPEN, "unverified_email"],
    [{ sub: "s", email: "a@nhs.net", email_verified: "true" }, OPEN, "unverified_email"],
    [{ sub: "s", email: "a@gmail.com", email_verified: true }, NHS, "domain_not_allowed"],
    [{ sub: "s", email: "a@evil-nhs.net", email_verified: true }, NHS, "domain_not_allowed"],
    [{ sub: "s", email: "a@nhs.net.evil.com", email_verified: true }, NHS, "domain_not_allowed"],
    [
      { sub: "s", email: "a@nhs.net", email_verified: true, tid: "other" },
      { ...OPEN, allowedTenants: [TENANT] },
      "tenant_not_allowed",
    ],
    [
      { sub: "s", email: "a@nhs.net", email_verified: true },
      { ...OPEN, allowedTenants: [TENANT] },
      "tenant_not_allowed",
    ],
  ])("refuses %j", (claims, policy, reason) => {
    expect(evaluateSsoClaims(claims, policy)).toEqual({ ok: false, reason });
  });

  it("takes Entra's preferred_username when there is no email, and the tenant when allowed", () => {
    const policy = { allowedDomains: [], allowedTenants: [TENANT], requireVerifiedEmail: false };
    expect(
      evaluateSsoClaims({ sub: "s", preferred_username: "A.B@nhs.net", tid: TENANT.toUpperCase() }, policy),
    ).toMatchObject({
      ok: true,
      email: "a.b@nhs.net",
      name: "a.b@nhs.net",
      tenantId: TENANT,
    });
  });

  it("reads comma-separated lists", () => {
    expect(parseList(" NHS.net, ,lthtr.nhs.uk ")).toEqual(["nhs.net", "lthtr.nhs.uk"]);
    expect(parseList("")).toEqual([]);
  });
});
