import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * HAProxy (Debian's package: `apt-get install -y haproxy`) in front of the app instances, on
 * 127.0.0.1, with its own config in a temp dir, round robin per request (keep-alive clients
 * are balanced request by request), each response marked with the server that served it.
 */
export async function startHaproxy(port: number, backends: number[]) {
  const found = spawnSync("haproxy", ["-v"], { encoding: "utf8" });
  if (found.error || found.status !== 0)
    throw new Error("haproxy is not installed: apt-get install -y haproxy (Debian's package)");
  const dir = mkdtempSync(path.join(tmpdir(), "bench-haproxy-"));
  const config = path.join(dir, "haproxy.cfg");
  writeFileSync(
    config,
    `global
  maxconn 2000
defaults
  mode http
  timeout connect 5s
  timeout client 120s
  timeout server 120s
frontend app
  bind 127.0.0.1:${port}
  default_backend instances
backend instances
  balance roundrobin
  http-response set-header X-Served-By %s
${backends.map((p, i) => `  server app${i + 1} 127.0.0.1:${p}`).join("\n")}
`,
  );
  const child = spawn("haproxy", ["-db", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`haproxy did not answer on ${port}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
