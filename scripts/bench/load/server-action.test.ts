import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { actionBody, actionResult, schemePageRouterState } from "./server-action";

// React's own client encoder, as Next bundles it (the build's browser code uses the same).
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

async function entries(form: FormData) {
  return [...form.entries()].map(([k, v]) => [k, String(v)]);
}

describe("server action posts as the browser sends them", () => {
  it("encodes action(null, formData) exactly as React's encodeReply does", async () => {
    const fields = new Map([
      ["schemeId", "1185f5f0-5198-4c8e-af1c-741d3e0b5553"],
      ["forecast.9", "4,170"],
      ["commentary", 'Quotes "and" ampersands & a line\nbreak'],
    ]);
    const browser = new FormData();
    for (const [k, v] of fields) browser.append(k, v);
    const react = await encodeReply([null, browser]);
    expect(react).toBeInstanceOf(FormData);

    const { body, contentType } = actionBody(fields);
    const ours = await new Response(body, { headers: { "content-type": contentType } }).formData();
    expect(await entries(ours)).toEqual(await entries(react as FormData));
  });

  it("sends the router state Chromium sent on a scheme page", () => {
    // Captured from the built app (Next 16.4) with Playwright.
    expect(decodeURIComponent(schemePageRouterState("1185f5f0-5198-4c8e-af1c-741d3e0b5553"))).toBe(
      '["",{"children":["(app)",{"children":["schemes",{"children":[["schemeId","1185f5f0-5198-4c8e-af1c-741d3e0b5553","d",null],{"children":["__PAGE__",{},null,null,0]},null,null,0]},null,null,0]},null,null,0]},null,null,16]',
    );
  });

  it("reads the action's return value out of the RSC stream", () => {
    const flight = [
      '0:{"a":"$@1","f":"","b":"ZafkSIr2Mhh"}',
      "e:C",
      '1:{"ok":true,"data":{"version":11},"message":"Monthly update for M8 Nov 2026/27 submitted."}',
      '17:[["$","meta","0",{"charSet":"utf-8"}]]',
    ].join("\n");
    expect(actionResult(flight)).toEqual({
      ok: true,
      data: { version: 11 },
      message: "Monthly update for M8 Nov 2026/27 submitted.",
    });
    expect(actionResult('1:{"ok":false,"message":"The scheme is not awaiting a decision at gateway 1."}')).toEqual({
      ok: false,
      message: "The scheme is not awaiting a decision at gateway 1.",
    });
    expect(actionResult("<!DOCTYPE html><html>")).toBeNull();
  });
});
