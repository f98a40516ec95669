import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Built app instances (`next start`, the production server) for the load bench, on 127.0.0.1
 * only, with jobs off (JOBS=off: no pg-boss beside them) and one shared NEXTAUTH_SECRET, so a
 * session cookie from one instance is valid on the other.
 */
export interface AppInstance {
  port: number;
  process: ChildProcess;
  /** Peak resident memory of the instance's process tree seen so far, in bytes. */
  peakRss: () => number;
  /** CPU seconds the instance's process tree has used so far. */
  cpuSeconds: () => number;
  stop: () => Promise<void>;
}

export async function startInstance(options: {
  port: number;
  databaseUrl: string;
  publicUrl: string;
  secret: string;
  poolMax?: number;
  /** Environment the instance runs with besides the above. */
  env?: Record<string, string>;
}): Promise<AppInstance> {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_URL: options.publicUrl,
      NEXTAUTH_SECRET: options.secret,
      JOBS: "off",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(options.poolMax ? { DATABASE_POOL_MAX: String(options.poolMax) } : {}),
      ...options.env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start on ${options.port} exited: ${stderr}`);
    try {
      const r = await fetch(`http://127.0.0.1:${options.port}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start on ${options.port} did not answer /api/health in 60 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRss(child.pid!));
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    port: options.port,
    process: child,
    peakRss: () => {
      sample();
      return peak;
    },
    cpuSeconds: () => treeCpuSeconds(child.pid!),
    stop: async () => {
      clearInterval(timer);
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** A process and its descendants (Linux /proc). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(statFields(Number(entry))[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** /proc/<pid>/stat's fields after the command name: [state, ppid, ...]; utime is [11], stime [12]. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** Resident memory of a process and its descendants, in bytes. */
export function treeRss(root: number): number {
  let total = 0;
  for (const pid of processTree(root)) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (kb) total += Number(kb[1]) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

/** CPU time (user + system) of a process and its living descendants so far, in seconds. */
export function treeCpuSeconds(root: number): number {
  let ticks = 0;
  for (const pid of processTree(root)) {
    try {
      const f = statFields(pid);
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // gone
    }
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/** The whole machine's busy and total CPU time so far (/proc/stat), in ticks: busy / total over a span. */
export function machineCpuTicks(): { busy: number; total: number } {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3]! + (cpu[4] ?? 0);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}
