import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Server actions posted as the browser posts them. The app's forms call their action through
 * useActionState (components/forms/use-form-action.ts), so the rendered form has no $ACTION_*
 * fields and a plain form post is refused (HTTP 400); React's client instead sends a fetch with
 * the action's id in `Next-Action`, the router state in `Next-Router-State-Tree`, and the
 * arguments `[previousState, formData]` encoded by encodeReply. The shape below is what Chromium
 * sent for a monthly-update save from the built app (captured once with Playwright):
 *
 *   next-action: 7f35…; accept: text/x-component; origin: the app's own; multipart body:
 *   "_1_schemeId"…"_1_commentary" (the form's fields, FormData part 1) and "0" = [null,"$K1"]
 *
 * The response is the RSC stream; one of its rows is the action's return value ({"ok":…}).
 */

/** The action ids of the build (.next/server/server-reference-manifest.json), by exported name and file. */
export function serverActionId(exportedName: string, filename: string, dir = ".next"): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const ids = Object.entries(manifest.node)
    .filter(([, entry]) => entry.exportedName === exportedName && entry.filename === filename)
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`${exportedName} in ${filename}: ${ids.length} action ids in the build`);
  return ids[0]!;
}

/**
 * The body of `action(null, formData)` as React's encodeReply writes it: the FormData is part 1
 * (each field prefixed "_1_"), the argument list is part "0". null = the form's first submit.
 */
export function actionBody(fields: Map<string, string>): { body: string; contentType: string } {
  const boundary = `----bench${Math.random().toString(16).slice(2)}`;
  let body = "";
  const part = (name: string, value: string) =>
    (body += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  for (const [name, value] of fields) part(`_1_${name}`, value);
  part("0", JSON.stringify([null, "$K1"]));
  body += `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Next-Router-State-Tree of a browser on /schemes/<id> (as captured; tells Next what to re-render). */
export function schemePageRouterState(schemeId: string): string {
  const leaf = ["__PAGE__", {}, null, null, 0];
  const scheme = [["schemeId", schemeId, "d", null], { children: leaf }, null, null, 0];
  const tree = [
    "",
    { children: ["(app)", { children: ["schemes", { children: scheme }, null, null, 0] }, null, null, 0] },
    null,
    null,
    16,
  ];
  return encodeURIComponent(JSON.stringify(tree));
}

/** The headers of an action post to `origin` (the app's own origin, as a browser sends it). */
export function actionHeaders(options: {
  actionId: string;
  origin: string;
  cookie: string;
  contentType: string;
  routerState: string;
}): Record<string, string> {
  return {
    "next-action": options.actionId,
    "next-router-state-tree": options.routerState,
    accept: "text/x-component",
    origin: options.origin,
    cookie: options.cookie,
    "content-type": options.contentType,
  };
}

export interface ActionResult {
  ok: boolean;
  message?: string;
}

/** The action's return value in the RSC response, or null when the stream has none. */
export function actionResult(flight: string): ActionResult | null {
  const row = /^[0-9a-f]+:(\{"ok":(?:true|false)[^\n]*)$/m.exec(flight);
  if (!row) return null;
  try {
    return JSON.parse(row[1]!) as ActionResult;
  } catch {
    return null;
  }
}
