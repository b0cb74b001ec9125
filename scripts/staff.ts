import { parseArgs } from "node:util";
import { closeDb } from "@/db";
import { prepareDatabase } from "@/db/prepare";
import { insertSignInLink, insertStaffMember } from "@/db/queries/staff";
import { staffRole, type StaffRole } from "@/db/schema/enums";
import { siteUrl } from "@/lib/site-url";
import { newToken } from "@/lib/tokens";
import { runCli } from "./cli";

// `npm run staff -- add EMAIL --role admin`: adds a member of staff and prints a one-time
// sign-in link, the way a first admin gets in (there is no public sign-up).
const LINK_HOURS = 24;

runCli(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { role: { type: "string", default: "viewer" } } });
  const [command, email] = positionals;
  const role = values.role as StaffRole;
  if (command !== "add" || !email || !staffRole.enumValues.includes(role)) {
    console.error(`Usage: npm run staff -- add EMAIL --role ${staffRole.enumValues.join("|")}`);
    process.exitCode = 2;
    return;
  }
  try {
    await prepareDatabase();
    if (!(await insertStaffMember(email, role, null))) throw new Error(`${email} is already a member of staff.`);
    const { token, hash } = newToken();
    await insertSignInLink(email, hash, new Date(Date.now() + LINK_HOURS * 3_600_000));
    console.log(`Added ${email} as ${role}. This link signs them in once, within ${LINK_HOURS} hours:\n`);
    console.log(new URL(`/staff/sign-in/link/${token}`, siteUrl()).toString());
  } finally {
    await closeDb();
  }
});
