import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { CountSubject } from "@/db/schema";

export interface RateLimit {
  count: number;
  seconds: number;
}

export interface RateLimits {
  burst: RateLimit;
  sustained: RateLimit;
}

/**
 * The network an address stands for: itself for IPv4, its /64 for IPv6, where one home or phone
 * is given a whole /64 and can pick any address in it.
 */
export function addressGroupSql(ip: SQL): SQL {
  return sql`network(set_masklen(${ip}, case family(${ip}) when 6 then 64 else 32 end))::inet`;
}

/**
 * Common table expressions, for a statement that stores a supporter, which count this attempt
 * in the caller's fixed windows and end in `over_limit(is_over)`: one row, true when the attempt
 * passes any limit (IPv6 addresses count per /64). The upsert waits for a concurrent attempt from the same address and sees
 * its count, so a burst cannot slip past together. Without an address there is no limit.
 */
export function rateLimitCtes(
  subject: CountSubject,
  subjectId: string,
  ip: string | null,
  limits: RateLimits,
): SQL {
  if (!ip) return sql`over_limit as (select false as is_over)`;
  // One window per length (the strictest count wins), bumped in one order so attempts never deadlock.
  const windows = new Map<number, number>();
  for (const { seconds, count } of [limits.burst, limits.sustained]) {
    windows.set(seconds, Math.min(count, windows.get(seconds) ?? Infinity));
  }
  const lengths = [...windows.keys()].sort((a, b) => a - b);
  return sql`limit_hits as (
    insert into rate_limit_windows (subject, subject_id, ip_address, window_seconds, window_start, count)
    values ${sql.join(
      lengths.map(
        (seconds) =>
          sql`(${subject}, ${subjectId}, ${addressGroupSql(sql`${ip}::inet`)}, ${seconds}, date_bin(make_interval(secs => ${seconds}::int), now(), timestamptz 'epoch'), 1)`,
      ),
      sql`, `,
    )}
    on conflict (subject, subject_id, ip_address, window_seconds, window_start)
      do update set count = rate_limit_windows.count + 1
    returning window_seconds, count
  ), over_limit as (
    select coalesce(bool_or(limit_hits.count > allowed.count), false) as is_over
    from limit_hits
    join (values ${sql.join(
      lengths.map((seconds) => sql`(${seconds}::int, ${windows.get(seconds)!}::int)`),
      sql`, `,
    )}) as allowed (seconds, count) on allowed.seconds = limit_hits.window_seconds
  )`;
}
