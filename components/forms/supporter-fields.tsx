import type { UseFormRegisterReturn } from "react-hook-form";
import type { CountryCode } from "@/lib/domain/countries";
import { requiresPostalCode } from "@/lib/validation/supporter-rules";
import { Checkbox } from "./checkbox";
import { Field, INPUT_CLASS } from "./field";

export type SupporterTextField = "firstName" | "lastName" | "email" | "country" | "postalCode";
export type SupporterChoice = "isPublic" | "wantsUpdates" | "acceptsPrivacy";

type Registered = UseFormRegisterReturn & { defaultValue?: string };
type Ticked = UseFormRegisterReturn & { defaultChecked?: boolean };

/** The country starts as the United States, unless something else was chosen before a reload. */
const withCountry = (registered: Registered) => ({
  ...registered,
  defaultValue: registered.defaultValue ?? "US",
});

/** Who a supporter is: name, email, country and postal code, as the petition and the pledge both ask. */
export function SupporterFields({
  field,
  error,
  countries,
  country,
  emailHint,
}: {
  field: (name: SupporterTextField) => Registered;
  error: (name: SupporterTextField) => string | undefined;
  /** Named on the server: browsers and Node name some countries differently, which would break hydration. */
  countries: { code: CountryCode; name: string }[];
  country: string;
  emailHint: string;
}) {
  const countryField = withCountry(field("country"));
  // Until someone picks a country, the form's value is the select's starting one: the label must
  // say what the schema will ask of that country, not of none.
  const selectedCountry = country || countryField.defaultValue;
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="firstName" label="First name" error={error("firstName")}>
          {(describedBy, invalid) => (
            <input
              id="firstName"
              autoComplete="given-name"
              className={INPUT_CLASS}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...field("firstName")}
            />
          )}
        </Field>
        <Field id="lastName" label="Last name" error={error("lastName")}>
          {(describedBy, invalid) => (
            <input
              id="lastName"
              autoComplete="family-name"
              className={INPUT_CLASS}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...field("lastName")}
            />
          )}
        </Field>
      </div>
      <Field id="email" label="Email address" hint={emailHint} error={error("email")}>
        {(describedBy, invalid) => (
          <input
            id="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            className={INPUT_CLASS}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            {...field("email")}
          />
        )}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="country" label="Country" error={error("country")}>
          {(describedBy, invalid) => (
            <select
              id="country"
              autoComplete="country"
              className={INPUT_CLASS}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...countryField}
            >
              {countries.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="postalCode"
          label={requiresPostalCode(selectedCountry) ? "Postal code" : "Postal code (optional)"}
          error={error("postalCode")}
        >
          {(describedBy, invalid) => (
            <input
              id="postalCode"
              autoComplete="postal-code"
              className={INPUT_CLASS}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...field("postalCode")}
            />
          )}
        </Field>
      </div>
    </>
  );
}

/** The choices a supporter makes: to be shown, to hear more, and the privacy notice. */
export function SupporterChoices({
  choice,
  error,
  isPublicLabel,
}: {
  choice: (name: SupporterChoice) => Ticked;
  error: (name: SupporterChoice) => string | undefined;
  isPublicLabel: string;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="sr-only">Your choices</legend>
      <Checkbox id="isPublic" label={isPublicLabel} {...choice("isPublic")} />
      <Checkbox
        id="wantsUpdates"
        label="Keep me updated about this campaign by email"
        {...choice("wantsUpdates")}
      />
      <Checkbox
        id="acceptsPrivacy"
        label={
          <>
            I agree to the{" "}
            <a href="/privacy" target="_blank" rel="noopener">
              privacy notice
            </a>{" "}
            (opens in a new tab)
          </>
        }
        error={error("acceptsPrivacy")}
        {...choice("acceptsPrivacy")}
      />
    </fieldset>
  );
}

/** Source and referral codes ride on the petition or pledge link (?source=, ?ref=): sent with the form. */
export function addLinkContext(data: FormData): void {
  const query = new URLSearchParams(window.location.search);
  data.set("source", query.get("source") ?? "");
  data.set("ref", query.get("ref") ?? "");
}

/** A field people never see: only bots fill it in. */
export function Honeypot() {
  return (
    <div aria-hidden="true" className="absolute -inset-s-[9999px] h-0 w-0 overflow-hidden">
      <label htmlFor="website">Website</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
