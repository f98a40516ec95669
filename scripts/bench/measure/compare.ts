/** Where two sets of figures first differ ("headline[3]: 120 vs 121"), or null when equal. */
export function firstDifference(app: unknown, sql: unknown, path = ""): string | null {
  if (Array.isArray(app) && Array.isArray(sql)) {
    if (app.length !== sql.length) return `${path}: ${app.length} items vs ${sql.length}`;
    for (let i = 0; i < app.length; i++) {
      const d = firstDifference(app[i], sql[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (app !== null && sql !== null && typeof app === "object" && typeof sql === "object") {
    const keys = new Set([...Object.keys(app), ...Object.keys(sql)]);
    for (const key of keys) {
      const d = firstDifference(
        (app as Record<string, unknown>)[key],
        (sql as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
      );
      if (d) return d;
    }
    return null;
  }
  return Object.is(app ?? null, sql ?? null)
    ? null
    : `${path}: app ${JSON.stringify(app)} vs SQL ${JSON.stringify(sql)}`;
}
