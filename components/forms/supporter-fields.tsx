import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { CountryCode } from "@/lib/domain/countries";
import { requiresPostalCode } from "@/lib/validation/supporter-rules";
import { Checkbox } from "./checkbox";
import { Field, INPUT_CLASS } from "./field";

export type SupporterTextField = "firstName" | "lastName" | "email" | "country" | "postalCode";
export type SupporterChoice = "isPublic" | "wantsUpdates" | "acceptsPrivacy";

/** The fields' words, in the page's language (messages: supporterFields). */
export interface SupporterWords {
  firstName: string;
  lastName: string;
  email: string;
  country: string;
  postalCode: string;
  postalCodeOptional: string;
  choices: string;
  wantsUpdates: string;
  /** With its link to the privacy notice, in the page's language. */
  acceptsPrivacy: ReactNode;
}

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
  words,
}: {
  field: (name: SupporterTextField) => Registered;
  error: (name: SupporterTextField) => string | undefined;
  /** Named on the server: browsers and Node name some countries differently, which would break hydration. */
  countries: { code: CountryCode; name: string }[];
  country: string;
  emailHint: string;
  words: SupporterWords;
}) {
  const countryField = withCountry(field("country"));
  // Until someone picks a country, the form's value is the select's starting one: the label must
  // say what the schema will ask of that country, not of none.
  const selectedCountry = country || countryField.defaultValue;
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="firstName" label={words.firstName} error={error("firstName")}>
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
        <Field id="lastName" label={words.lastName} error={error("lastName")}>
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
      <Field id="email" label={words.email} hint={emailHint} error={error("email")}>
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
        <Field id="country" label={words.country} error={error("country")}>
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
          label={requiresPostalCode(selectedCountry) ? words.postalCode : words.postalCodeOptional}
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
  words,
}: {
  choice: (name: SupporterChoice) => Ticked;
  error: (name: SupporterChoice) => string | undefined;
  isPublicLabel: string;
  words: SupporterWords;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="sr-only">{words.choices}</legend>
      <Checkbox id="isPublic" label={isPublicLabel} {...choice("isPublic")} />
      <Checkbox id="wantsUpdates" label={words.wantsUpdates} {...choice("wantsUpdates")} />
      <Checkbox
        id="acceptsPrivacy"
        label={words.acceptsPrivacy}
        error={error("acceptsPrivacy")}
        {...choice("acceptsPrivacy")}
      />
    </fieldset>
  );
}

const LINK_FIELDS = ["source", "ref", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"];

/**
 * Source, referral code and campaign tags ride on the petition or pledge link (?source=, ?ref=,
 * ?utm_*=), and the page that sent the reader here is the document's referrer (in an embed, the
 * host page its loader named as ?page=): all sent with the form, which the server cleans of
 * personal data (lib/domain/referrer.ts). Fields the page already carries (an embed's) are kept.
 */
export function addLinkContext(data: FormData): void {
  const query = new URLSearchParams(window.location.search);
  for (const name of LINK_FIELDS) data.set(name, query.get(name) ?? String(data.get(name) ?? ""));
  if (!data.get("referrer_url")) data.set("referrer_url", query.get("page") ?? document.referrer);
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
