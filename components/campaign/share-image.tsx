import { ImageResponse } from "next/og";
import { getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/domain/format";
import { localeOf, type Locale } from "@/lib/domain/locale";

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };

/** Each page has one share image; its id is part of the image's address, so it never changes. */
const SHARE_IMAGE_ID = "card";

/**
 * The metadata of a page's one share image (its `generateImageMetadata`), with its alt text in the
 * page's language: a fixed `export const alt` could only be in one. `params` are the image route's
 * own, already resolved. With it, Next.js serves the image at `…/opengraph-image-<hash>/card` and
 * caches it for the route's `revalidate`; without it, under app/[locale], it rendered every request.
 */
export async function shareImageMetadata(
  params: { locale?: string },
  altKey: "campaignAlt" | "storyAlt" | "petitionAlt",
) {
  const t = await getTranslations({ locale: localeOf(params.locale), namespace: "shareImage" });
  return [{ id: SHARE_IMAGE_ID, alt: t(altKey), size: SHARE_IMAGE_SIZE, contentType: "image/png" }];
}

export interface ShareImageProps {
  eyebrow: string;
  title: string;
  /** The live total and what it counts, e.g. "1,204 verified signatures"; at 0, an invitation. */
  total: { value: number; label: string } | null;
  /** The language of the page shared: the image's own words and the count are written its way. */
  locale: Locale;
}

/** A share preview made of text and numbers only: never a photograph. */
export async function renderShareImage({
  eyebrow,
  title,
  total,
  locale,
}: ShareImageProps): Promise<ImageResponse> {
  const t = await getTranslations({ locale, namespace: "campaignProgress" });
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px",
        background: "#fbfaf7",
        color: "#1c2430",
        borderTop: "16px solid #0b5d52",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ fontSize: 30, color: "#0b5d52", fontWeight: 700, letterSpacing: 2 }}>
          {eyebrow.toUpperCase()}
        </div>
        <div
          style={{ fontSize: title.length > 70 ? 54 : 66, fontWeight: 700, lineHeight: 1.15, marginTop: 20 }}
        >
          {title}
        </div>
      </div>
      <div style={{ display: "flex", alignItems: "flex-end", justifyContent: "space-between" }}>
        {total && total.value > 0 ? (
          <div style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ fontSize: 24, color: "#8a3b12", fontWeight: 700 }}>{t("live").toUpperCase()}</div>
            <div style={{ display: "flex", alignItems: "baseline" }}>
              <span style={{ fontSize: 84, fontWeight: 700 }}>{formatNumber(total.value, locale)}</span>
              <span style={{ fontSize: 34, marginLeft: 18 }}>{total.label}</span>
            </div>
          </div>
        ) : total ? (
          // A new campaign invites the first supporter instead of showing a zero.
          <div style={{ fontSize: 40, fontWeight: 700, color: "#0b5d52" }}>{t("petition.first")}</div>
        ) : (
          <div />
        )}
        <div style={{ fontSize: 34, fontWeight: 700 }}>Upstand</div>
      </div>
    </div>,
    SHARE_IMAGE_SIZE,
  );
}
