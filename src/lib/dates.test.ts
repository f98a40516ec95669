import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./dates";

describe("formatDate", () => {
  it("uses the app's month abbreviations everywhere: Sep, not Intl's Sept", () => {
    expect(formatDate(new Date("2026-09-05T00:00:00Z"))).toBe("5 Sep 2026");
    expect(formatDate(new Date("2026-11-23T23:59:00Z"))).toBe("23 Nov 2026");
    expect(formatDate(new Date("2027-03-31T12:00:00Z"))).toBe("31 Mar 2027");
  });

  it("adds the time in England to a date-time", () => {
    expect(formatDateTime(new Date("2026-07-01T13:05:00Z"))).toBe("1 Jul 2026 14:05");
    expect(formatDateTime(new Date("2026-12-01T13:05:00Z"))).toBe("1 Dec 2026 13:05");
  });
});
