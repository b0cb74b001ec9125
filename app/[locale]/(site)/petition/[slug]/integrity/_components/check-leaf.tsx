import { getTranslations } from "next-intl/server";
import { INPUT_CLASS } from "@/components/forms/field";
import type { IntegrityProof } from "@/db/queries/integrity-reads";
import { formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";

interface CheckLeafProps {
  slug: string;
  locale: Locale;
  given: string | null;
  isValid: boolean | null;
  proof: IntegrityProof | null;
}

/** A plain GET form: the check code in the address, the answer on the page, the proof one link away. */
export async function CheckLeaf({ slug, locale, given, isValid, proof }: CheckLeafProps) {
  const t = await getTranslations({ locale, namespace: "integrityPage" });
  return (
    <section aria-labelledby="check-heading" className="space-y-3">
      <h2 id="check-heading" className="font-serif text-2xl font-semibold">
        {t("checkHeading")}
      </h2>
      <p>{t("checkText")}</p>
      <form method="get" className="space-y-2">
        <label htmlFor="leaf" className="block font-semibold">
          {t("leafLabel")}
        </label>
        <input
          id="leaf"
          name="leaf"
          defaultValue={given ?? ""}
          className={`${INPUT_CLASS} font-mono text-sm`}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={isValid === false || undefined}
          aria-describedby={isValid === false ? "leaf-error" : undefined}
        />
        {isValid === false ? (
          <p id="leaf-error" className="text-error">
            {t("badLeaf")}
          </p>
        ) : null}
        <button type="submit" className="button-secondary">
          {t("checkButton")}
        </button>
      </form>
      {proof ? (
        <div role="status" className="space-y-2" data-testid="integrity-check">
          <p className="font-semibold">
            {proof.included && proof.root
              ? t("included", {
                  index: formatNumber(proof.index! + 1, locale),
                  count: formatNumber(proof.root.count, locale),
                })
              : t("notIncluded")}
          </p>
          <p>
            <a href={`/api/petitions/${slug}/integrity/proof?leaf=${proof.leaf}`}>{t("proofLink")}</a>
          </p>
        </div>
      ) : null}
    </section>
  );
}
