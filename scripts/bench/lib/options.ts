/** Command-line options of the bench scripts: `--name value` (or `--name=value`), else a default. */
export function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === `--${name}`) return args[i + 1] ?? fallback;
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return fallback;
}

export function numberOption(name: string, fallback: number, options: { allowZero?: boolean } = {}): number {
  const text = option(name, String(fallback));
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !options.allowZero))
    throw new Error(`--${name} must be a ${options.allowZero ? "non-negative" : "positive"} number, not "${text}"`);
  return value;
}

export function flag(name: string): boolean {
  return process.argv.slice(2).includes(`--${name}`);
}
