import { getTranslations } from "next-intl/server";
import { localizedPath, type Locale } from "@/lib/domain/locale";
import { FrameResizer } from "./frame-resizer";

const ROOT_ID = "upstand-embed";

/**
 * What every embed shows around its content: a link to the full page (opened outside the frame)
 * and the help page within reach, and the frame's height sent to the page that frames it.
 */
export async function EmbedShell({
  locale,
  fullPath,
  allowedOrigins,
  namedHost,
  children,
}: {
  locale: Locale;
  /** The embedded petition's or pledge's own page, for people who want to read it all. */
  fullPath: string;
  allowedOrigins: readonly string[];
  namedHost: string | null;
  children: React.ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: "embed" });
  return (
    <div id={ROOT_ID} className="space-y-4 p-4">
      {children}
      <p className="flex flex-wrap gap-x-4 text-sm">
        <a href={localizedPath(locale, fullPath)} target="_blank" rel="noopener" className="underline">
          {t("readMore")}
        </a>
        <a href={localizedPath(locale, "/help")} target="_blank" rel="noopener" className="underline">
          {t("help")}
        </a>
      </p>
      <FrameResizer targetId={ROOT_ID} allowedOrigins={allowedOrigins} namedHost={namedHost} />
    </div>
  );
}
