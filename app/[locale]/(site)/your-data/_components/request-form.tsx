import { getTranslations } from "next-intl/server";
import { Field, INPUT_CLASS } from "@/components/forms/field";
import { Notice } from "@/components/layout/notice";
import type { Locale } from "@/lib/domain/locale";
import { YOUR_DATA_SESSION_MINUTES } from "@/lib/domain/your-data";
import { requestYourDataLinkAction } from "@/lib/actions/your-data";

const ERRORS = {
  email: "invalidEmail",
  busy: "tooMany",
  failed: "failed",
  ended: "sessionEnded",
  retry: "retry",
} as const;

/** The request for a link: a plain form, so it works without JavaScript. */
export async function RequestForm({
  locale,
  done,
  error,
}: {
  locale: Locale;
  done?: string;
  error?: string;
}) {
  const t = await getTranslations({ locale, namespace: "yourDataPage" });
  const problem = error && error in ERRORS ? t(ERRORS[error as keyof typeof ERRORS]) : null;
  const ended =
    done === "erased"
      ? { title: t("erasedTitle"), text: t("erasedText") }
      : done === "signed-out"
        ? { title: t("signedOutTitle"), text: t("signedOutText") }
        : null;
  return (
    <Notice title={ended?.title ?? t("title")}>
      {ended ? <p role="status">{ended.text}</p> : <p>{t("intro")}</p>}
      <p>{t("requestIntro", { minutes: YOUR_DATA_SESSION_MINUTES })}</p>
      <form action={requestYourDataLinkAction} className="space-y-4" noValidate>
        <input type="hidden" name="locale" value={locale} />
        {problem && error !== "email" ? (
          <p role="alert" className="font-semibold text-error">
            {problem}
          </p>
        ) : null}
        <Field
          id="email"
          label={t("emailLabel")}
          error={error === "email" ? (problem ?? undefined) : undefined}
        >
          {(describedBy, invalid) => (
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              required
              maxLength={254}
              className={INPUT_CLASS}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <button type="submit" className="button-primary">
          {t("requestButton")}
        </button>
      </form>
    </Notice>
  );
}
