import type { Metadata } from "next";
import { listApiKeys } from "@/db/queries/api-keys";
import { requireStaff } from "@/lib/auth/staff";
import { API_KEY_HEADER, API_KEY_SCOPE_WORDS, API_KEY_SCOPES } from "@/lib/domain/api-keys";
import { ApiKeyTable } from "./_components/api-key-table";
import { CreateApiKeyForm } from "./_components/create-api-key-form";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const caller = await requireStaff("admin");
  const keys = await listApiKeys(caller);
  return (
    <section aria-labelledby="api-keys-heading" className="space-y-6">
      <h1 id="api-keys-heading" className="font-serif text-3xl font-bold">
        API keys
      </h1>
      <p className="max-w-prose">
        A key lets another system (your CRM, a data warehouse) use Upstand’s API, sending the key in the{" "}
        <code>{API_KEY_HEADER}</code> header. Give each system its own key with only the scopes it needs.
        Every call made with a key is in the audit log. Revoking a key stops it at its next request.
      </p>
      <ApiKeyTable keys={keys} />
      <CreateApiKeyForm
        scopes={API_KEY_SCOPES.map((scope) => ({ scope, words: API_KEY_SCOPE_WORDS[scope] }))}
      />
    </section>
  );
}
