import { devMailboxMode, type Env } from "@/lib/env";

/**
 * What the server says once it listens: where, who can reach it and where email waits (how the
 * first member of staff gets in is said once the database is ready: db/startup.ts). Said plainly, because a local install that is reachable from a
 * network with the mailbox open hands out every confirm and sign-in link.
 */
export function startupNotice(config: Env, host: string | undefined): string[] {
  const local = `http://localhost:${config.PORT}`;
  const lines = [
    host === "127.0.0.1" && !config.HOST
      ? `Upstand is listening on http://127.0.0.1:${config.PORT}, for this machine only (set HOST=0.0.0.0 to listen on every interface).`
      : `Upstand is listening on http://${host ?? "*"}:${config.PORT}.`,
  ];
  const mailbox = devMailboxMode(config);
  if (mailbox === "loopback") {
    lines.push(
      `Without a mail server (SMTP_URL), email waits at ${local}/dev/mailbox, which answers this machine only.`,
    );
  } else if (mailbox === "open") {
    lines.push(
      `WARNING: DEV_MAILBOX=on: ${local}/dev/mailbox shows every email, confirm and staff sign-in links included, to ANYONE who can reach this server. Use it only for tests.`,
    );
  }
  if (config.WEBHOOKS_ALLOW_PRIVATE === "on") {
    lines.push(
      "WARNING: WEBHOOKS_ALLOW_PRIVATE=on: webhook endpoints may be http:// and reach this server's own network (the database, cloud metadata). Use it only for tests.",
    );
  }
  return lines;
}
