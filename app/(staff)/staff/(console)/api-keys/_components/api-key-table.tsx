import type { ApiKeySummary } from "@/db/queries/api-keys";
import { formatDateTime, STAFF_LOCALE } from "@/lib/domain/format";
import { RevokeApiKeyForm } from "./revoke-api-key-form";

// In UTC on a 24-hour clock, as the rest of the console shows moments.
const at = (moment: Date | null) =>
  moment
    ? `${formatDateTime(moment, STAFF_LOCALE, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: "UTC" })} UTC`
    : "never";

export function ApiKeyTable({ keys }: { keys: ApiKeySummary[] }) {
  if (!keys.length) return <p data-testid="api-keys">No keys yet.</p>;
  return (
    <table className="table-to-list w-full border-collapse text-left" data-testid="api-keys">
      <caption className="sr-only">API keys</caption>
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="py-2">
            Name
          </th>
          <th scope="col" className="py-2">
            Prefix
          </th>
          <th scope="col" className="py-2">
            Scopes
          </th>
          <th scope="col" className="py-2">
            Created
          </th>
          <th scope="col" className="py-2">
            Last used
          </th>
          <th scope="col" className="py-2">
            Status
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} className="border-b border-line align-top">
            <th scope="row" className="py-2 font-semibold break-all md:font-normal">
              {key.name}
            </th>
            <td data-label="Prefix" className="py-2">
              <code>{key.prefix}</code>
            </td>
            <td data-label="Scopes" className="py-2">
              {key.scopes.join(", ")}
              {key.consentNotice ? (
                <p className="text-sm">
                  Consent: <span className="break-all">{key.consentNotice}</span>, attested by{" "}
                  {key.consentAttestedBy}
                </p>
              ) : null}
            </td>
            <td data-label="Created" className="py-2">
              {at(key.createdAt)} by {key.createdBy}
            </td>
            <td data-label="Last used" className="py-2">
              {at(key.lastUsedAt)}
            </td>
            <td data-label="Status" className="py-2">
              {key.revokedAt ? (
                <span>
                  Revoked {at(key.revokedAt)} by {key.revokedBy}
                </span>
              ) : (
                <RevokeApiKeyForm id={key.id} name={key.name} prefix={key.prefix} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
