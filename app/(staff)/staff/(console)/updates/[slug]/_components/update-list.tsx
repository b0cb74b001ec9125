import type { ReactNode } from "react";
import type { StaffPetitionUpdate } from "@/db/queries/petition-updates";
import { formatDateTime, formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { dayInWords, PETITION_UPDATE_KIND_WORDS } from "@/lib/domain/petition-updates";
import { UpdateRowButton } from "./update-row-button";

/** The petition's updates, newest first, each with its facts, its edit form and its buttons. */
export function UpdateList({
  updates,
  editForm,
}: {
  updates: StaffPetitionUpdate[];
  editForm: (update: StaffPetitionUpdate) => ReactNode;
}) {
  if (updates.length === 0) return <p>No updates yet.</p>;
  return (
    <section aria-labelledby="posted-heading" className="space-y-4">
      <h2 id="posted-heading" className="font-serif text-xl font-semibold">
        Posted
      </h2>
      <ol className="space-y-4">
        {updates.map((update) => (
          <li
            key={update.id}
            className="space-y-3 rounded-xl border border-line p-4"
            data-testid="staff-update"
          >
            <h3 className="break-words font-semibold">{update.title}</h3>
            <p className="text-sm text-muted">
              {PETITION_UPDATE_KIND_WORDS[update.kind]}, {dayInWords(update.happenedOn, STAFF_LOCALE)}; posted
              by {update.postedBy} on {formatDateTime(update.createdAt, STAFF_LOCALE, { timeZone: "UTC" })}{" "}
              (UTC).{" "}
              <span data-testid="staff-update-emailed">
                {update.emailedAt
                  ? `Emailed to ${formatNumber(update.emailedCount ?? 0, STAFF_LOCALE)} signer${update.emailedCount === 1 ? "" : "s"} on ${formatDateTime(update.emailedAt, STAFF_LOCALE, { timeZone: "UTC" })} (UTC).`
                  : "Not emailed."}
              </span>
            </p>
            <details>
              <summary className="cursor-pointer font-semibold">Edit</summary>
              <div className="pt-3">{editForm(update)}</div>
            </details>
            <div className="flex flex-wrap gap-3">
              {update.emailedAt ? null : (
                <UpdateRowButton
                  kind="email"
                  id={update.id}
                  label="Email signers"
                  accessibleName={`Email “${update.title}” to signers who asked for updates`}
                />
              )}
              <UpdateRowButton
                kind="delete"
                id={update.id}
                label="Delete"
                accessibleName={`Delete “${update.title}”`}
              />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
