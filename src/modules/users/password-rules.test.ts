import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/lib/demo-password";
import { DEMO_PASSWORD_MESSAGE, passwordProblem } from "./password-rules";

const outsideDemo = { demoPasswordAllowed: false };

describe("passwordProblem (NCSC: length, a deny list, no composition rules)", () => {
  // The first check builds zxcvbn's ranked dictionaries (about a second; more on a busy machine).
  beforeAll(() => void passwordProblem("warm the dictionaries up", outsideDemo), 60_000);

  it.each([
    ["short", "Tr41n-fish", "Password must be at least 12 characters"],
    ["eleven characters", "coffeetrain", "Password must be at least 12 characters"],
    ["too long", "a".repeat(201), "Password must be 200 characters or fewer"],
  ])("refuses a password that is %s", (_why, password, message) => {
    expect(passwordProblem(password, outsideDemo)).toBe(message);
  });

  it.each([
    ["a repeated character", "aaaaaaaaaaaa", /^Repeated characters like "aaa" are easy to guess\. /],
    ["a common password with digits", "password1234", /^This is similar to a commonly used password\. /],
    ["a listed password, capitalised", "Password1234", /commonly used password/],
    ["a run of digits", "123456789012", /commonly used password/],
    ["a keyboard walk", "qwertyuiop123", /commonly used password/],
    ["a sequence", "abcdefghijkl", /^Common character sequences like "abc" are easy to guess/],
    ["a repeated pattern", "trustno1trustno1", /Repeated character patterns/],
    ["a greeting with digits", "Welcome12345", /commonly used password/],
  ])("refuses %s", (_why, password, message) => {
    const problem = passwordProblem(password, outsideDemo);
    expect(problem).toMatch(message);
    expect(problem).toMatch(/Choose a password that is harder to guess: three or four random words work well$/);
  });

  it.each([
    ["three random words", "coffeetrainfish"],
    ["a passphrase with spaces", "correct horse battery staple"],
    ["no capital, digit or symbol is needed", "marmalade lighthouse"],
    ["symbols are allowed but not needed", "mZ7$kQ2!pL9x"],
    ["exactly twelve characters", "tulipvanjazz"],
  ])("accepts %s", (_why, password) => {
    expect(passwordProblem(password, outsideDemo)).toBeNull();
  });

  it("refuses the demo's published password outside the demo, in any case, and allows it in the demo", () => {
    expect(passwordProblem(DEMO_PASSWORD, outsideDemo)).toBe(DEMO_PASSWORD_MESSAGE);
    expect(passwordProblem(DEMO_PASSWORD.toUpperCase(), outsideDemo)).toBe(DEMO_PASSWORD_MESSAGE);
    expect(passwordProblem(` ${DEMO_PASSWORD} `, outsideDemo)).toBe(DEMO_PASSWORD_MESSAGE);
    expect(passwordProblem(DEMO_PASSWORD, { demoPasswordAllowed: true })).toBeNull();
  });

  it("counts characters, not UTF-16 units, towards the minimum", () => {
    // 11 characters, 12 UTF-16 units (one astral emoji).
    expect(passwordProblem("🦊oxgloveshe", outsideDemo)).toBe("Password must be at least 12 characters");
  });
});
