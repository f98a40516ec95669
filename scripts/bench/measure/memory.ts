/**
 * The process's peak resident memory while `fn` runs, sampled every 20 ms (and at the start and
 * end), in MB: the figure the issues ask for ("peak memory of the app process"), as the bench
 * runs the app's modules in its own process. `startMb` is what the process already held (the
 * resident set shrinks lazily, so earlier work, such as building a workbook, stays in it).
 */
export async function peakMemory<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number; startMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: Math.round(peak / 2 ** 20), startMb: Math.round(start / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}
