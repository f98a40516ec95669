import { describe, expect, it } from "vitest";
import { crossOriginActionRefusal, type RequestShape } from "./action-origin";

function post(headers: Record<string, string>, pathname = "/admin/users", method = "POST"): RequestShape {
  return { method, pathname, headers: new Headers(headers) };
}

const ACTION = { "next-action": "7f3a9c", "content-type": "text/plain;charset=UTF-8", host: "tracker.nhs.uk" };

describe("crossOriginActionRefusal", () => {
  it.each([
    ["same origin", { ...ACTION, origin: "https://tracker.nhs.uk" }],
    ["same origin with a port", { ...ACTION, host: "localhost:3000", origin: "http://localhost:3000" }],
    ["no Origin (not a browser)", ACTION],
    [
      "behind a proxy: origin matches x-forwarded-host",
      { ...ACTION, host: "10.0.0.5:3000", "x-forwarded-host": "tracker.nhs.uk, lb", origin: "https://tracker.nhs.uk" },
    ],
  ])("lets %s through", (_name, headers) => {
    expect(crossOriginActionRefusal(post(headers))).toBeNull();
  });

  it.each([
    ["a foreign origin", { ...ACTION, origin: "https://evil.example" }, "https://evil.example"],
    ["the opaque origin null", { ...ACTION, origin: "null" }, "null"],
    ["an unparseable origin", { ...ACTION, origin: "::::" }, "::::"],
    [
      "another port of the same host",
      { ...ACTION, origin: "https://tracker.nhs.uk:8443" },
      "https://tracker.nhs.uk:8443",
    ],
    ["a sub-domain", { ...ACTION, origin: "https://evil.tracker.nhs.uk" }, "https://evil.tracker.nhs.uk"],
  ])("refuses %s", (_name, headers, origin) => {
    expect(crossOriginActionRefusal(post(headers))).toEqual({ origin, host: "tracker.nhs.uk", actionId: "7f3a9c" });
  });

  it("refuses a no-JavaScript form post (multipart, no Next-Action header) from another site", () => {
    const refusal = crossOriginActionRefusal(
      post({
        host: "tracker.nhs.uk",
        origin: "https://evil.example",
        "content-type": "multipart/form-data; boundary=x",
      }),
    );
    expect(refusal).toEqual({ origin: "https://evil.example", host: "tracker.nhs.uk", actionId: null });
  });

  it("leaves reads, route handlers and plain posts alone", () => {
    const foreign = { host: "tracker.nhs.uk", origin: "https://evil.example" };
    expect(crossOriginActionRefusal(post({ ...ACTION, ...foreign }, "/admin/users", "GET"))).toBeNull();
    expect(
      crossOriginActionRefusal(
        post({ ...foreign, "content-type": "application/x-www-form-urlencoded" }, "/api/auth/signout"),
      ),
    ).toBeNull();
    expect(crossOriginActionRefusal(post({ ...foreign, "content-type": "application/json" }))).toBeNull();
  });
});
