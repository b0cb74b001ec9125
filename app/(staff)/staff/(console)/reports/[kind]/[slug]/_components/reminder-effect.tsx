import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";

/** A share in percent with one decimal, or a dash when there is nothing to divide by. */
const percent = (part: number, whole: number) =>
  whole === 0 ? "–" : `${Math.round((part / whole) * 1000) / 10}%`;

/**
 * The confirmation rate before and after the one reminder to confirm: of everyone who signed, how
 * many confirmed without a reminder, and how many in all once those who confirmed after it are added.
 */
export function ReminderEffect(props: {
  everSigned: number;
  confirmedWithoutReminder: number;
  reminded: number;
  confirmedAfterReminder: number;
}) {
  const { everSigned, confirmedWithoutReminder, reminded, confirmedAfterReminder } = props;
  const count = (value: number) => formatNumber(value, STAFF_LOCALE);
  return (
    <section aria-labelledby="reminder-effect-heading" className="space-y-3">
      <h2 id="reminder-effect-heading" className="font-serif text-xl font-semibold">
        Confirmation before and after the reminder
      </h2>
      <dl className="flex flex-wrap gap-6" data-testid="reminder-effect">
        <div>
          <dt className="text-sm text-muted">Confirmed without a reminder</dt>
          <dd className="text-2xl tabular-nums" data-testid="rate-without-reminder">
            {percent(confirmedWithoutReminder, everSigned)}
          </dd>
          <dd className="text-sm text-muted">
            {count(confirmedWithoutReminder)} of {count(everSigned)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Confirmed in all, with those after a reminder</dt>
          <dd className="text-2xl tabular-nums" data-testid="rate-with-reminder">
            {percent(confirmedWithoutReminder + confirmedAfterReminder, everSigned)}
          </dd>
          <dd className="text-sm text-muted">
            {count(confirmedWithoutReminder + confirmedAfterReminder)} of {count(everSigned)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Of those reminded, confirmed after it</dt>
          <dd className="text-2xl tabular-nums" data-testid="rate-after-reminder">
            {percent(confirmedAfterReminder, reminded)}
          </dd>
          <dd className="text-sm text-muted">
            {count(confirmedAfterReminder)} of {count(reminded)} reminded
          </dd>
        </div>
      </dl>
    </section>
  );
}
