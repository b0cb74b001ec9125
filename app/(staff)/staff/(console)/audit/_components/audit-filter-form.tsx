import { INPUT_CLASS } from "@/components/forms/field";
import { labelOf } from "@/lib/audit/detail-words";

/** The audit log's filters: a GET form, so that a view can be bookmarked or sent to a colleague. */
export function AuditFilterForm({
  actions,
  values,
  errors,
}: {
  actions: string[];
  values: Record<string, string>;
  errors: string[];
}) {
  return (
    <form
      method="get"
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5"
      aria-describedby={errors.length ? "audit-filter-errors" : undefined}
    >
      {errors.length ? (
        <p id="audit-filter-errors" role="status" className="text-error sm:col-span-2 lg:col-span-5">
          These filters were not applied: {errors.join("; ")}.
        </p>
      ) : null}
      <label className="block space-y-1">
        <span className="font-semibold">Who (email)</span>
        <input name="actor" defaultValue={values.actor} className={INPUT_CLASS} />
      </label>
      <label className="block space-y-1">
        <span className="font-semibold">What</span>
        <select name="action" defaultValue={values.action ?? ""} className={INPUT_CLASS}>
          <option value="">Anything</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {labelOf(action)}
            </option>
          ))}
        </select>
      </label>
      <label className="block space-y-1">
        <span className="font-semibold">Subject id</span>
        <input name="subject" defaultValue={values.subject} className={INPUT_CLASS} />
      </label>
      <label className="block space-y-1">
        <span className="font-semibold">From</span>
        <input type="date" name="from" defaultValue={values.from} className={INPUT_CLASS} />
      </label>
      <label className="block space-y-1">
        <span className="font-semibold">Until</span>
        <input type="date" name="to" defaultValue={values.to} className={INPUT_CLASS} />
      </label>
      <div className="flex gap-4 sm:col-span-2 lg:col-span-5">
        <button type="submit" className="button-primary">
          Show
        </button>
        <a href="?" className="self-center">
          Clear the filters
        </a>
      </div>
    </form>
  );
}
