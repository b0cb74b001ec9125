import { localizedPath, type Locale } from "@/lib/domain/locale";
import type { ErrorMessages } from "@/lib/i18n/error-messages";
import { Notice } from "./notice";

/**
 * What a page that failed shows: calm, with a way to try again, home, and help. Plain links, not
 * next/link: after a failure a whole new page is the surer way on, and the router's link code
 * would be one more script on every page (this is in the error boundaries every page loads).
 */
export function ErrorNotice({
  locale,
  messages,
  onRetry,
}: {
  locale: Locale;
  messages: ErrorMessages;
  onRetry?: () => void;
}) {
  return (
    <Notice title={messages.title}>
      <p>{messages.explanation}</p>
      <div className="flex flex-wrap gap-3">
        {onRetry ? (
          <button type="button" className="button-primary" onClick={onRetry}>
            {messages.retry}
          </button>
        ) : null}
        <a href={localizedPath(locale, "/")} className="button-secondary">
          {messages.home}
        </a>
        <a href={localizedPath(locale, "/help")} className="button-secondary">
          {messages.help}
        </a>
      </div>
    </Notice>
  );
}
