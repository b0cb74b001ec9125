import type { HeldGroupRef } from "@/db/queries/holds";
import type { BulkRule, SupporterSearch } from "@/db/queries/moderation";
import type { SupportKind } from "@/db/queries/supporters";
import type { SupportState } from "@/lib/domain/enums";
import { canonicalEmail } from "@/lib/domain/canonical-email";
import type { HeldGroupInput } from "@/lib/validation/holds";
import type { BulkRuleInput, SupporterSearchInput } from "@/lib/validation/moderation";
import { normaliseText } from "@/lib/validation/text";

// The server step after the moderation schemas: what was typed, checked, becomes what the
// queries take (normalised as stored text is, blanks dropped, a domain in the form canonical
// addresses have).

const present = (value: string | undefined) =>
  value === undefined ? undefined : normaliseText(value) || undefined;

/** "petition", "pledge", or "petition:<slug>" / "pledge:<slug>". */
function scopeOf(scope: string | undefined): { kind: SupportKind; slug?: string } {
  const [kind, slug] = (scope ?? "petition").split(":") as [SupportKind, string | undefined];
  return { kind, slug };
}

export function supporterSearchOf(input: SupporterSearchInput): SupporterSearch {
  const after = present(input.after);
  const [createdAt, id] = after ? after.split("_") : [];
  return {
    ...scopeOf(input.scope),
    name: present(input.name),
    email: present(input.email),
    source: present(input.source),
    ip: present(input.ip),
    state: present(input.state) as SupportState | undefined,
    from: present(input.from),
    to: present(input.to),
    after: createdAt && id ? { createdAt, id } : undefined,
  };
}

/** Times in the form are UTC (the page says so), to the minute or second. */
const utcInstant = (local: string) => new Date(`${local.trim()}Z`).toISOString();

export function bulkRuleOf(input: BulkRuleInput): BulkRule {
  const { kind, slug } = scopeOf(input.target);
  const domain = present(input.domain)?.replace(/^@/, "");
  return {
    kind,
    slug: slug!,
    ip: present(input.ip),
    // googlemail.com is stored as gmail.com in canonical addresses, so match it as that.
    domain: domain ? canonicalEmail(`x@${domain}`).split("@")[1] : undefined,
    from: utcInstant(input.from),
    to: utcInstant(input.to),
  };
}

/** A held group as the queries take it: an address in the form Postgres prints it, a domain lower-cased. */
export function heldGroupOf(input: HeldGroupInput): HeldGroupRef {
  const [kind, slug] = input.target.split(":") as [SupportKind, string];
  return { kind, slug, by: input.by, value: input.value.trim().toLowerCase() };
}
