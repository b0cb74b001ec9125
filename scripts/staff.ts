import { parseArgs } from "node:util";
import { closeDb } from "@/db";
import { prepareDatabase } from "@/db/prepare";
import { getStaffAccount, insertSignInLink, insertStaffMember } from "@/db/queries/staff";
import { insertCommandLineLinkEvent } from "@/db/queries/staff-sign-in";
import { STAFF_ROLES, type StaffRole } from "@/lib/domain/enums";
import { siteUrl } from "@/lib/http/site-url";
import { newToken } from "@/lib/signing/tokens";
import { linkRequestSchema } from "@/lib/validation/staff";
import { CliError, runCli } from "./cli";
import { API_KEY_USAGE, readApiKeyCommand, runApiKeyCommand } from "./staff-api-keys";

// `npm run staff -- add EMAIL --role admin`: adds a member of staff and prints a one-time
// sign-in link, the way a first admin gets in (there is no public sign-up).
// `npm run staff -- link EMAIL`: a fresh link for a member who cannot get in otherwise (no mail
// server yet, or their mailbox is the problem). `npm run staff -- api-key ...`: scripts/staff-api-keys.ts.
const LINK_HOURS = 24;
const ROLES = STAFF_ROLES.join(", ");

const USAGE = `Usage:
  npm run staff -- add EMAIL [--role ROLE]   add a member of staff (ROLE: ${ROLES}; viewer unless given)
                                             and print a one-time sign-in link
  npm run staff -- link EMAIL                print a fresh one-time sign-in link for an enabled member
${API_KEY_USAGE}
  npm run staff -- --help                    show this

Each link works once, within ${LINK_HOURS} hours. On the embedded database, stop the server first.`;

const usageError = (problem: string) => new CliError(`${problem}\n\n${USAGE}`, 2);

function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        role: { type: "string" },
        scopes: { type: "string" },
        "consent-notice": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    // Node's own first sentence ("Unknown option '--x'"), without its advice or stack.
    throw usageError(`${(error as Error).message.split(". ")[0]}.`);
  }
}

function emailFrom(value: string | undefined): string {
  if (!value) throw usageError("Give the member's email address.");
  const parsed = linkRequestSchema.safeParse({ email: value });
  if (!parsed.success)
    throw usageError(`${parsed.error.issues[0]?.message ?? "Enter an email address"}: ${value}`);
  return parsed.data.email.trim().toLowerCase();
}

async function printLink(email: string) {
  const { token, hash } = newToken();
  await insertSignInLink(email, hash, new Date(Date.now() + LINK_HOURS * 3_600_000));
  console.log(new URL(`/staff/sign-in/link/${token}`, siteUrl()).toString());
}

runCli(async () => {
  const { positionals, values } = readArguments();
  const [command, address, ...extra] = positionals;
  if (values.help || command === "help") {
    console.log(USAGE);
    return;
  }
  if (!command) throw usageError("Say what to do.");
  if (command === "api-key") {
    if (values.role) throw usageError("--role goes with add only.");
    const order = readApiKeyCommand(
      positionals.slice(1),
      { scopes: values.scopes, consentNotice: values["consent-notice"] },
      usageError,
    );
    try {
      await prepareDatabase();
      await runApiKeyCommand(order);
    } finally {
      await closeDb();
    }
    return;
  }
  if (values.scopes || values["consent-notice"])
    throw usageError("--scopes and --consent-notice go with api-key create only.");
  if (command !== "add" && command !== "link") throw usageError(`Unknown command: ${command}`);
  if (extra.length) throw usageError(`Unexpected: ${extra.join(" ")}`);
  const email = emailFrom(address);
  const role = (values.role ?? "viewer") as StaffRole;
  if (command === "add" && !STAFF_ROLES.includes(role))
    throw usageError(`Unknown role: ${values.role}. Choose one of ${ROLES}.`);
  if (command === "link" && values.role) throw usageError("--role goes with add only.");
  try {
    await prepareDatabase();
    if (command === "add") {
      if (!(await insertStaffMember(email, role, null))) {
        throw new CliError(
          `${email} is already a member of staff. For a fresh sign-in link: npm run staff -- link ${email}`,
        );
      }
      console.log(`Added ${email} as ${role}. This link signs them in once, within ${LINK_HOURS} hours:\n`);
      await printLink(email);
      return;
    }
    const account = await getStaffAccount(email);
    if (!account)
      throw new CliError(
        `${email} is not an enabled member of staff: add them, or ask an admin to enable them under Team.`,
      );
    await insertCommandLineLinkEvent(account);
    console.log(`This link signs ${email} in once, within ${LINK_HOURS} hours:\n`);
    await printLink(email);
  } finally {
    await closeDb();
  }
});
