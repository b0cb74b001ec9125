import { formatClosingTime } from "@/lib/domain/closing-time";

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
  if (isOpenNow) return <>{closesAt ? `Open until ${formatClosingTime(closesAt)}` : "Open"}</>;
  if (isOpen !== false && closesAt) return <>Closed since {formatClosingTime(closesAt)}</>;
  return <>Closed</>;
}
