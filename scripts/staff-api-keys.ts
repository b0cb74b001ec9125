import { listApiKeys, revokeApiKey, type ApiKeySummary } from "@/db/queries/api-keys";
import { createApiKey } from "@/lib/api-keys/manage";
import {
  API_KEY_HEADER,
  API_KEY_SCOPES,
  consentNoticeProblem,
  isApiKeyScope,
  MAX_API_KEY_NAME_LENGTH,
} from "@/lib/domain/api-keys";
import { CliError } from "./cli";

// `npm run staff -- api-key create|list|revoke`: keys for partner systems, made and revoked by
// whoever runs the server (audited as "command line"), as admins do under API keys in the console.

export const API_KEY_USAGE = `  npm run staff -- api-key create NAME --scopes SCOPES [--consent-notice URL]
                                             make an API key allowed SCOPES (comma-separated: ${API_KEY_SCOPES.join(", ")});
                                             it is printed once, alone on the last line. With write:signatures,
                                             --consent-notice attests that the partner's form shows the privacy
                                             notice at URL and asks supporters to agree to it: then the key may
                                             record OSDI signatures without Upstand's acceptsPrivacy
  npm run staff -- api-key list              list the keys: prefix, name, scopes, created, last used, revoked
  npm run staff -- api-key revoke PREFIX|ID  revoke a key: it is refused from its next request on`;

export type ApiKeyCommand =
  | {
      command: "create";
      name: string;
      scopes: (typeof API_KEY_SCOPES)[number][];
      consentNotice: string | null;
    }
  | { command: "list" }
  | { command: "revoke"; key: string };

/** Reads `api-key ...`'s own arguments; `usageError` for mistakes of form (exit 2), CliError for unknown scopes (exit 1). */
export function readApiKeyCommand(
  args: string[],
  { scopes, consentNotice }: { scopes: string | undefined; consentNotice: string | undefined },
  usageError: (problem: string) => CliError,
): ApiKeyCommand {
  const [command, target, ...extra] = args;
  if (extra.length) throw usageError(`Unexpected: ${extra.join(" ")} (put a name with spaces in quotes).`);
  if (command !== "create" && (scopes !== undefined || consentNotice !== undefined))
    throw usageError("--scopes and --consent-notice go with api-key create only.");
  if (command === "list") {
    if (target) throw usageError(`Unexpected: ${target}`);
    return { command };
  }
  if (command === "revoke") {
    if (!target) throw usageError("Say which key to revoke, by its prefix (upk_…) or id.");
    return { command, key: target };
  }
  if (command !== "create")
    throw usageError(command ? `Unknown api-key command: ${command}` : "Say what to do with API keys.");
  const name = target?.trim();
  if (!name) throw usageError("Name the key, after the system that will use it.");
  if (name.length > MAX_API_KEY_NAME_LENGTH)
    throw usageError(`Use at most ${MAX_API_KEY_NAME_LENGTH} characters for the name.`);
  if (!scopes?.trim())
    throw usageError(`Say what the key may do: --scopes ${API_KEY_SCOPES.join(",")} (one or more).`);
  const asked = scopes
    .split(",")
    .map((scope) => scope.trim())
    .filter(Boolean);
  const unknown = asked.filter((scope) => !isApiKeyScope(scope));
  if (unknown.length || !asked.length)
    throw new CliError(
      `Unknown scope: ${unknown.join(", ") || scopes}. Choose from ${API_KEY_SCOPES.join(", ")}.`,
    );
  const notice = consentNotice?.trim() || null;
  const problem = notice === null ? null : consentNoticeProblem(notice, asked);
  if (problem) throw new CliError(`${problem}.`);
  return { command, name, scopes: asked.filter(isApiKeyScope), consentNotice: notice };
}

export async function runApiKeyCommand(order: ApiKeyCommand): Promise<void> {
  if (order.command === "create") {
    const made = await createApiKey(null, order);
    console.log(
      `Made the API key "${order.name}" (${made.prefix}), allowed: ${order.scopes.join(", ")}.\n` +
        (order.consentNotice
          ? `It records signatures as agreeing to the privacy notice at ${order.consentNotice}, as you attest its form asks.\n`
          : "") +
        `This is the only time it is shown: store it now in the system that will use it,\n` +
        `which sends it in the ${API_KEY_HEADER} header. Revoke it with: npm run staff -- api-key revoke ${made.prefix}\n`,
    );
    console.log(made.key);
    return;
  }
  if (order.command === "revoke") {
    const revoked = await revokeApiKey(null, order.key);
    if (!revoked)
      throw new CliError(
        `No key still in use has the prefix or id ${order.key}. npm run staff -- api-key list shows them.`,
      );
    console.log(`Revoked ${revoked.prefix} ("${revoked.name}"): it is refused from its next request on.`);
    return;
  }
  const keys = await listApiKeys(null);
  if (!keys.length) {
    console.log("No API keys yet. Make one with: npm run staff -- api-key create NAME --scopes SCOPES");
    return;
  }
  for (const key of keys) console.log(describeKey(key));
}

const when = (date: Date | null) =>
  date ? date.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "never";

function describeKey(key: ApiKeySummary): string {
  const status = key.revokedAt ? `revoked ${when(key.revokedAt)} by ${key.revokedBy}` : "live";
  return [
    `${key.prefix}  "${key.name}"  ${status}`,
    `  scopes: ${key.scopes.join(", ")}`,
    `  created ${when(key.createdAt)} by ${key.createdBy}; last used ${when(key.lastUsedAt)}`,
    ...(key.consentNotice
      ? [
          `  consent: ${key.consentNotice}, attested ${when(key.consentAttestedAt)} by ${key.consentAttestedBy}`,
        ]
      : []),
  ].join("\n");
}
