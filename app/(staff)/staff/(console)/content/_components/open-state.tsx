import { formatClosingTime } from "@/lib/domain/closing-time";
import { STAFF_LOCALE } from "@/lib/domain/format";

/** "Open", "Open until …", "Closed" or "Closed since …": what the public page says right now. */
export function OpenState({
  isOpenNow,
  isOpen,
  closesAt,
}: {
  isOpenNow: boolean;
  isOpen?: boolean;
  closesAt: Date | null;
}) {
  if (isOpenNow) return <>{closesAt ? `Open until ${formatClosingTime(closesAt, STAFF_LOCALE)}` : "Open"}</>;
  if (isOpen !== false && closesAt) return <>Closed since {formatClosingTime(closesAt, STAFF_LOCALE)}</>;
  return <>Closed</>;
}
