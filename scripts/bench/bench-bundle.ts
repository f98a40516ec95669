/**
 * `npm run bench:bundle`: a production build into .next-bench (NEXT_DIST_DIR, so it never
 * touches a developer's .next), then the dashboard's first-load JavaScript, gzipped (see
 * measure/bundle.ts for the method). `next build` rewrites tsconfig.json; it is put back.
 * `--no-build` measures an existing build.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { flag } from "./lib/options";
import { BUNDLE_DIST_DIR, bundleReport } from "./measure/bundle";

if (!flag("no-build")) {
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  console.log(`next build into ${BUNDLE_DIST_DIR} ...`);
  const started = performance.now();
  const build = spawnSync("npx", ["next", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: BUNDLE_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  if (build.status !== 0) process.exit(build.status ?? 1);
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
const report = bundleReport();
console.log(report.text);
if (report.size)
  for (const f of report.size.files)
    console.log(
      `  ${f.part.padEnd(7)} ${f.file.padEnd(40)} ${(f.bytes / 1000).toFixed(1).padStart(7)} kB  gzip ${(f.gzipBytes / 1000).toFixed(1).padStart(6)} kB`,
    );
if (report.met === false) process.exit(1);
