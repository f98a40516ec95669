import pg from "pg";

/**
 * A pg Client that sends its queries one after another instead of handing pg several at once.
 *
 * Prisma 7's query interpreter fetches the relations of an `include` with Promise.all. On the pool
 * each goes to its own connection, but inside an interactive transaction they all land on the one
 * connection, and pg 8.19+ warns ("Calling client.query() when the client is already executing a
 * query is deprecated"); pg 9 will refuse. @prisma/adapter-pg 7.10 has no option to serialise them
 * (prisma/orm#29979 is open), so the pool is given this client. A connection runs one query at a
 * time anyway, so the order and the results are what pg's own queue gave: only the queue moves here.
 */
export class SerialClient extends pg.Client {
  #tail: Promise<unknown> = Promise.resolve();

  // pg's overloads cannot be restated on a subclass; the promise form is the one chained.
  override query(...args: unknown[]): never {
    const callQuery = () => (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    const [config] = args;
    const submittable = typeof config === "object" && config !== null && "submit" in config;
    if (submittable || typeof args.at(-1) === "function") return callQuery() as never;
    const run = this.#tail.then(callQuery);
    this.#tail = run.catch(() => undefined);
    return run as never;
  }
}
