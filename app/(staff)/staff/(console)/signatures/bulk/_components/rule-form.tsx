import { Field, INPUT_CLASS } from "@/components/forms/field";
import type { ActionTotals } from "@/db/queries/staff-dashboard";

export interface RuleFormProps {
  targets: Pick<ActionTotals, "kind" | "slug" | "title">[];
  values: Record<string, string>;
  errors: Partial<Record<string, string[]>>;
}

/** The rule, sent as a GET: previewing reads and changes nothing, and the preview can be linked to. */
export function RuleForm({ targets, values, errors }: RuleFormProps) {
  const field = (name: string) => ({
    id: `rule-${name}`,
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
      action="/staff/signatures/bulk"
      className="max-w-2xl space-y-4 rounded-xl border border-line p-4"
      aria-labelledby="rule-heading"
    >
      <h2 id="rule-heading" className="font-serif text-xl font-semibold">
        The rule
      </h2>
      <Field id="rule-target" label="Petition or pledge" error={errors.target?.[0]}>
        {(describedBy, invalid) => (
          <select {...field("target")} {...a11y(describedBy, invalid)}>
            {targets.map((target) => (
              <option key={`${target.kind}:${target.slug}`} value={`${target.kind}:${target.slug}`}>
                {target.kind}: {target.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="rule-ip"
          label="IP range"
          hint="Like 203.0.113.0/24, or one address"
          error={errors.ip?.[0]}
        >
          {(describedBy, invalid) => <input {...field("ip")} {...a11y(describedBy, invalid)} />}
        </Field>
        <Field
          id="rule-domain"
          label="or email domain"
          hint="Like example.com: the part after the @"
          error={errors.domain?.[0]}
        >
          {(describedBy, invalid) => <input {...field("domain")} {...a11y(describedBy, invalid)} />}
        </Field>
        <Field id="rule-from" label="Signed from (UTC)" hint="Included" error={errors.from?.[0]}>
          {(describedBy, invalid) => (
            <input type="datetime-local" {...field("from")} {...a11y(describedBy, invalid)} />
          )}
        </Field>
        <Field id="rule-to" label="Signed before (UTC)" hint="Not included" error={errors.to?.[0]}>
          {(describedBy, invalid) => (
            <input type="datetime-local" {...field("to")} {...a11y(describedBy, invalid)} />
          )}
        </Field>
      </div>
      <button type="submit" className="button-primary">
        Preview
      </button>
    </form>
  );
}
