import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { runInNewContext } from "node:vm";

/**
 * The dashboard's first-load JavaScript, gzipped, from a production build's manifests (Next 16
 * with Turbopack no longer prints "First Load JS"):
 *
 * - the runtime every App Router page loads: build-manifest.json `rootMainFiles`;
 * - the route's own chunks: `entryJSFiles` of server/app/(app)/dashboard/page_client-reference-manifest.js,
 *   i.e. the client chunks of every segment in the route's tree (root and (app) layouts, the
 *   page, and the error / not-found boundaries, which the browser also loads up front).
 *
 * Each distinct file is gzipped on its own (as a server or CDN serves it) and the sizes summed.
 * Left out: `polyfillFiles` (loaded with nomodule, by legacy browsers only) and the pages-router
 * `lowPriorityFiles` manifests.
 */

export const BUNDLE_DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
export const BUNDLE_TARGET_KB = 250;
const ROUTE = "/(app)/dashboard/page";

export interface BundleSize {
  files: { file: string; bytes: number; gzipBytes: number; part: "runtime" | "route" }[];
  gzipKb: number;
  runtimeGzipKb: number;
  routeGzipKb: number;
}

export function dashboardBundle(distDir = BUNDLE_DIST_DIR): BundleSize | null {
  const buildManifest = path.join(distDir, "build-manifest.json");
  const referenceManifest = path.join(
    distDir,
    "server",
    "app",
    "(app)",
    "dashboard",
    "page_client-reference-manifest.js",
  );
  if (!existsSync(buildManifest) || !existsSync(referenceManifest)) return null;
  const runtime: string[] = JSON.parse(readFileSync(buildManifest, "utf8")).rootMainFiles ?? [];
  const sandbox = { globalThis: {} as Record<string, unknown> };
  runInNewContext(readFileSync(referenceManifest, "utf8"), sandbox);
  const manifest = (sandbox.globalThis.__RSC_MANIFEST as Record<string, { entryJSFiles: Record<string, string[]> }>)[
    ROUTE
  ];
  if (!manifest) throw new Error(`${referenceManifest} has no entry for ${ROUTE}`);
  const route = Object.values(manifest.entryJSFiles).flat();
  const seen = new Set<string>();
  const files: BundleSize["files"] = [];
  for (const [part, list] of [
    ["runtime", runtime],
    ["route", route],
  ] as const) {
    for (const file of list) {
      if (seen.has(file)) continue;
      seen.add(file);
      const content = readFileSync(path.join(distDir, file));
      files.push({ file, bytes: content.length, gzipBytes: gzipSync(content).length, part });
    }
  }
  const kb = (part?: string) =>
    files.filter((f) => !part || f.part === part).reduce((sum, f) => sum + f.gzipBytes, 0) / 1000;
  return { files, gzipKb: kb(), runtimeGzipKb: kb("runtime"), routeGzipKb: kb("route") };
}

export function bundleReport(distDir = BUNDLE_DIST_DIR): { text: string; met?: boolean; size?: BundleSize } {
  const size = dashboardBundle(distDir);
  if (!size) return { text: `Dashboard first-load JavaScript: no build in ${distDir} (run \`npm run bench:bundle\`).` };
  const met = size.gzipKb <= BUNDLE_TARGET_KB;
  const text =
    `Dashboard first-load JavaScript (gzipped, ${distDir}): ${size.gzipKb.toFixed(1)} kB = runtime ${size.runtimeGzipKb.toFixed(1)} kB + route ${size.routeGzipKb.toFixed(1)} kB ` +
    `in ${size.files.length} files; target <= ${BUNDLE_TARGET_KB} kB: ${met ? "met" : "MISSED"}\n` +
    `  (build-manifest.json rootMainFiles + entryJSFiles of the route's client reference manifest, each file gzipped; polyfills excluded)`;
  return { text, met, size };
}
