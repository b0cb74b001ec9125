interface LockableClient {
  query(text: string, params: unknown[]): Promise<unknown>;
  release(): void;
}

/** Runs `work` on one connection while it holds a session-level advisory lock on `key`. */
export async function withAdvisoryLock<C extends LockableClient>(
  connect: () => Promise<C>,
  key: number,
  work: (client: C) => Promise<void>,
): Promise<void> {
  const client = await connect();
  try {
    await client.query("select pg_advisory_lock($1)", [key]);
    await work(client);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [key]).catch(() => {});
    client.release();
  }
}
