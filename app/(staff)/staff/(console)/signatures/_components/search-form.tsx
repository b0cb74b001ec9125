import Link from "next/link";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import type { ActionTotals } from "@/db/queries/staff-dashboard";
import { SUPPORT_STATES } from "@/lib/domain/enums";

export interface SearchFormProps {
  targets: Pick<ActionTotals, "kind" | "slug" | "title">[];
  values: Record<string, string>;
  errors: Partial<Record<string, string[]>>;
}

const TEXT_FIELDS = [
  { name: "name", label: "Name", hint: "Part of a first or last name, or both" },
  { name: "email", label: "Email address", hint: "Part of an address" },
  { name: "source", label: "Source", hint: "The ?source= of the link they came by" },
  {
    name: "ip",
    label: "IP address or range",
    hint: "An address like 203.0.113.7, or a range like 203.0.113.0/24",
  },
] as const;

/** A GET form, so that a search can be linked to and comes back with the browser's Back button. */
export function SearchForm({ targets, values, errors }: SearchFormProps) {
  const field = (name: string) => ({
    id: `search-${name}`,
    name,
    defaultValue: values[name] ?? "",
    className: INPUT_CLASS,
  });
  const a11y = (describedBy: string | undefined, invalid: boolean) => ({
    "aria-describedby": describedBy,
    "aria-invalid": invalid,
  });
  return (
    <form
      method="get"
      action="/staff/signatures"
      className="space-y-4 rounded-xl border border-line p-4"
      aria-labelledby="search-heading"
      data-testid="search-form"
    >
      <h2 id="search-heading" className="font-serif text-xl font-semibold">
        Search
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="search-scope" label="Look in" error={errors.scope?.[0]}>
          {(describedBy, invalid) => (
            <select {...field("scope")} {...a11y(describedBy, invalid)}>
              <option value="petition">Every petition</option>
              <option value="pledge">Every pledge</option>
              {targets.map((target) => (
                <option key={`${target.kind}:${target.slug}`} value={`${target.kind}:${target.slug}`}>
                  {target.kind}: {target.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        {TEXT_FIELDS.map(({ name, label, hint }) => (
          <Field key={name} id={`search-${name}`} label={label} hint={hint} error={errors[name]?.[0]}>
            {(describedBy, invalid) => (
              <input type="search" {...field(name)} {...a11y(describedBy, invalid)} />
            )}
          </Field>
        ))}
        <Field id="search-state" label="State" error={errors.state?.[0]}>
          {(describedBy, invalid) => (
            <select {...field("state")} {...a11y(describedBy, invalid)}>
              <option value="">Any</option>
              {SUPPORT_STATES.map((state) => (
                <option key={state} value={state}>
                  {state}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="search-from" label="Signed from" hint="A day, UTC (optional)" error={errors.from?.[0]}>
          {(describedBy, invalid) => <input type="date" {...field("from")} {...a11y(describedBy, invalid)} />}
        </Field>
        <Field
          id="search-to"
          label="Signed until"
          hint="A day, UTC, included (optional)"
          error={errors.to?.[0]}
        >
          {(describedBy, invalid) => <input type="date" {...field("to")} {...a11y(describedBy, invalid)} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button-primary">
          Search
        </button>
        <Link href="/staff/signatures" className="link">
          Clear the search
        </Link>
      </div>
    </form>
  );
}
