import "server-only";
import { getTranslations } from "next-intl/server";
import { pluralRaw } from "@/components/campaign/action-words";
import type { Locale } from "@/lib/domain/locale";
import type { CommitmentWords } from "./commitment-list";

/** The commitments' list and its counts, in the page's language. */
export async function getCommitmentWords(locale: Locale): Promise<CommitmentWords> {
  const t = await getTranslations({ locale, namespace: "pledgePage" });
  return {
    heading: t("commitmentsHeading"),
    noneYet: t("noneYet"),
    startsAt: String(t.raw("startsAt")),
    taken: pluralRaw(t, "taken"),
    on: t("on"),
    onDetail: String(t.raw("onDetail")),
    needed: String(t.raw("needed")),
    done: pluralRaw(t, "done"),
  };
}
