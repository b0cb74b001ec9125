import { readYourHeldData } from "@/db/queries/your-data-export";
import { floodRefusal } from "@/lib/http/flood-limits";
import { siteUrl } from "@/lib/http/site-url";
import { localeOf, localizedPath } from "@/lib/domain/locale";
import { logError } from "@/lib/log";
import { yourDataDocument } from "@/lib/your-data/download";
import { currentYourDataSession } from "@/lib/your-data/session";

export const dynamic = "force-dynamic";

/**
 * GET /your-data/download: everything held about the session's address, as a JSON file. Only
 * with an open session (the HttpOnly cookie); without one, back to the request form.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const refusal = floodRefusal("pages", request.headers, "text");
  if (refusal) return refusal;
  const locale = localeOf((await params).locale);
  const session = await currentYourDataSession();
  if (!session) {
    return new Response(null, {
      status: 303,
      headers: { Location: localizedPath(locale, "/your-data?error=ended"), "Cache-Control": "no-store" },
    });
  }
  try {
    const now = new Date();
    const document = yourDataDocument(siteUrl().origin, await readYourHeldData(session), now);
    return new Response(JSON.stringify(document, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="your-data-${now.toISOString().slice(0, 10)}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    logError("your data: download", error);
    return new Response(null, {
      status: 303,
      headers: { Location: localizedPath(locale, "/your-data?error=retry"), "Cache-Control": "no-store" },
    });
  }
}
