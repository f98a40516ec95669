import autocannon from "autocannon";
import { formFields } from "./html-form";
import { actionBody, actionHeaders, actionResult, schemePageRouterState } from "./server-action";
import type { LoadUser, PageLoad } from "./scenario";

/**
 * One autocannon run per page of the mix, all at once for the same `seconds` (so the pages
 * share the machine as users would), each connection one signed-in user. Latency is taken per
 * request (request written -> response read), so the monthly update's form view and its save
 * are reported apart; any non-2xx, socket error, timeout or save not confirmed is an error.
 */
export interface PageResult {
  name: string;
  /** Requests written (a save still in flight when the run stops may be stored, unconfirmed). */
  sent: number;
  requests: number;
  latencies: number[];
  errors: number;
  problems: string[];
  servedBy: Map<string, number>;
}

interface ConnectionContext {
  user?: LoadUser;
  cookie?: string;
  fields?: Map<string, string>;
  started?: number;
  saves?: number;
}

export async function runLoad(options: {
  baseUrl: string;
  pages: PageLoad[];
  cookies: Map<string, string>;
  seconds: number;
  /** Hard cap on requests per page, so the run is bounded in count as well as time. */
  maxRequestsPerPage: number;
  /** The build's id of submitMonthlyUpdateAction (the save posts it as the browser does). */
  saveActionId: string;
  /** A tag in every saved commentary, to count the stored saves afterwards. */
  tag: string;
}): Promise<PageResult[]> {
  assertLocal(options.baseUrl);
  const results: PageResult[] = [];
  const runs = options.pages.flatMap((page) => {
    const view = emptyResult(page.save ? `${page.name}: form view` : page.name);
    const save = page.save ? emptyResult(`${page.name}: save (server action POST)`) : null;
    results.push(view, ...(save ? [save] : []));
    let nextUser = 0;
    const problem = (r: PageResult, text: string) => {
      r.errors += 1;
      if (r.problems.length < 5) r.problems.push(text);
    };
    const record = (
      r: PageResult,
      context: ConnectionContext,
      status: number,
      headers: Record<string, string | string[]>,
    ) => {
      r.requests += 1;
      r.latencies.push(performance.now() - (context.started ?? performance.now()));
      const server = headers["x-served-by"];
      if (typeof server === "string") r.servedBy.set(server, (r.servedBy.get(server) ?? 0) + 1);
      if (status < 200 || status >= 300) problem(r, `HTTP ${status}`);
    };
    const assign = (context: ConnectionContext) => {
      if (!context.user) {
        context.user = page.users[nextUser++ % page.users.length]!;
        context.cookie = options.cookies.get(context.user.email)!;
        context.saves = 0;
      }
    };
    const requests: autocannon.Request[] = [
      {
        method: "GET",
        setupRequest: (req, context: ConnectionContext) => {
          assign(context);
          context.started = performance.now();
          return {
            ...req,
            path: page.path(context.user!),
            headers: { ...req.headers, cookie: context.cookie!, accept: "text/html" },
          };
        },
        onResponse: (status, body, context: ConnectionContext, headers) => {
          record(view, context, status, headers as Record<string, string>);
          if (status === 200 && !body.includes("<main")) problem(view, "no <main> in the page (signed out?)");
          if (page.save && status === 200) {
            context.fields = formFields(body, "commentary") ?? undefined;
            if (!context.fields) problem(view, "no monthly update form on the scheme page");
          }
        },
      },
    ];
    if (save)
      requests.push({
        method: "POST",
        setupRequest: (req, context: ConnectionContext) => {
          const fields = new Map(context.fields ?? []);
          context.saves = (context.saves ?? 0) + 1;
          fields.set("actual", String(1000 + Math.floor(Math.random() * 9000)));
          fields.set("commentary", `${options.tag} ${context.user!.email} #${context.saves}`);
          if (!fields.get("rag")) fields.set("rag", "GREEN");
          const { body, contentType } = actionBody(fields);
          save.sent += 1;
          context.started = performance.now();
          return {
            ...req,
            path: page.path(context.user!),
            body,
            headers: {
              ...req.headers,
              ...actionHeaders({
                actionId: options.saveActionId,
                origin: options.baseUrl,
                cookie: context.cookie!,
                contentType,
                routerState: schemePageRouterState(context.user!.schemeId!),
              }),
            },
          };
        },
        onResponse: (status, body, context: ConnectionContext, headers) => {
          record(save, context, status, headers as Record<string, string>);
          const result = status === 200 ? actionResult(body) : null;
          if (status === 200 && !(result?.ok && /^Monthly update for .* submitted\.$/.test(result.message ?? "")))
            problem(save, `save not confirmed: ${result?.message ?? body.slice(0, 160)}`);
        },
      });
    let total = 0;
    return [
      new Promise<void>((resolve, reject) => {
        const instance = autocannon(
          {
            url: options.baseUrl,
            connections: page.connections,
            duration: options.seconds,
            pipelining: 1,
            timeout: 30,
            requests,
          },
          (error, r) => {
            if (error) return reject(error);
            // Socket errors and timeouts are not responses: count them too.
            view.errors += r.errors + r.timeouts;
            if (r.errors + r.timeouts > 0) view.problems.push(`${r.errors} socket errors, ${r.timeouts} timeouts`);
            resolve();
          },
        );
        instance.on("response", () => {
          total += 1;
          if (total >= options.maxRequestsPerPage) instance.stop();
        });
      }),
    ];
  });
  await Promise.all(runs);
  return results;
}

function emptyResult(name: string): PageResult {
  return { name, sent: 0, requests: 0, latencies: [], errors: 0, problems: [], servedBy: new Map() };
}

/** The load tool only ever targets this machine. */
export function assertLocal(baseUrl: string): void {
  const host = new URL(baseUrl).hostname;
  if (!["127.0.0.1", "localhost", "[::1]"].includes(host))
    throw new Error(`Refusing to load ${baseUrl}: the load run only targets 127.0.0.1.`);
}
