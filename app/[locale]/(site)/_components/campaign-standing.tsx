import { LiveTotal } from "@/components/campaign/live-total";

export interface CampaignStandingProps {
  petition: { slug: string; verified: number; pending: number } | null;
  pledge: { slug: string; verified: number } | null;
}

/** The live counts, labelled as such and kept apart from the cause's reported figures. */
export function CampaignStanding({ petition, pledge }: CampaignStandingProps) {
  return (
    <section aria-labelledby="standing-heading" className="space-y-3">
      <h2 id="standing-heading" className="font-serif text-2xl font-semibold">
        Where this campaign stands
      </h2>
      <p className="max-w-prose text-sm text-muted">
        Counted on this site as supporters confirm by email, and updated as you watch.
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        {petition ? (
          <>
            <LiveTotal
              source={{ kind: "petition", slug: petition.slug }}
              field="verified"
              initial={petition.verified}
              label="verified signatures on the petition"
            />
            <LiveTotal
              source={{ kind: "petition", slug: petition.slug }}
              field="pending"
              initial={petition.pending}
              label="signatures waiting for email confirmation"
              size="small"
            />
          </>
        ) : null}
        {pledge ? (
          <LiveTotal
            source={{ kind: "pledge", slug: pledge.slug }}
            field="verified"
            initial={pledge.verified}
            label="people who have taken the pledge"
          />
        ) : null}
      </div>
    </section>
  );
}
