import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { receiptsForEmail } from "@/db/queries/integrity-reads";
import { listYourSupport, type YourDataSession } from "@/db/queries/your-data";
import { localizedPath, type Locale } from "@/lib/domain/locale";
import { YOUR_DATA_SESSION_MINUTES } from "@/lib/domain/your-data";
import { signOutOfYourDataAction } from "@/lib/actions/your-data";
import { YourSupportList } from "./your-support-list";

const DONE = {
  withdrawn: "doneWithdrawn",
  "updates-on": "doneUpdatesOn",
  "updates-off": "doneUpdatesOff",
  unchanged: "doneUnchanged",
} as const;

/** What an open session sees: the list, the download, the way to erase, and Sign out. */
export async function YourDataDashboard({
  session,
  locale,
  done,
  error,
}: {
  session: YourDataSession;
  locale: Locale;
  done?: string;
  error?: string;
}) {
  const [rows, receipts, t] = await Promise.all([
    listYourSupport(session),
    receiptsForEmail(session.emailCanonical),
    getTranslations({ locale, namespace: "yourDataPage" }),
  ]);
  const said = done && done in DONE ? t(DONE[done as keyof typeof DONE]) : null;
  return (
    <div className="max-w-prose space-y-8">
      <div className="space-y-4">
        <h1 className="font-serif text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p>{t("sessionIntro", { minutes: YOUR_DATA_SESSION_MINUTES })}</p>
        {said ? (
          <p role="status" className="font-semibold">
            {said}
          </p>
        ) : null}
        {error === "retry" ? (
          <p role="alert" className="font-semibold text-error">
            {t("retry")}
          </p>
        ) : null}
      </div>
      <section aria-labelledby="your-support" className="space-y-4">
        <h2 id="your-support" className="text-xl font-semibold">
          {t("listHeading")}
        </h2>
        {rows.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <YourSupportList rows={rows} receipts={receipts} locale={locale} />
        )}
      </section>
      <section aria-labelledby="download" className="space-y-2">
        <h2 id="download" className="text-xl font-semibold">
          {t("downloadHeading")}
        </h2>
        <p>{t("downloadText")}</p>
        <a href={localizedPath(locale, "/your-data/download")} download className="button-secondary">
          {t("downloadButton")}
        </a>
      </section>
      <section aria-labelledby="erase" className="space-y-2">
        <h2 id="erase" className="text-xl font-semibold">
          {t("eraseHeading")}
        </h2>
        <p>{t("eraseText")}</p>
        <Link href={localizedPath(locale, "/your-data/erase")} className="button-secondary">
          {t("eraseLink")}
        </Link>
      </section>
      <form action={signOutOfYourDataAction}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="link">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
