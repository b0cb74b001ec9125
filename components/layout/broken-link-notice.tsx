import { Notice } from "./notice";

/** For an emailed link that matches nothing: most often one cut short when it was copied. */
export function BrokenLinkNotice() {
  return (
    <Notice title="This link does not work">
      <p>It may have been cut short when it was copied. Open it again from the email, in full.</p>
    </Notice>
  );
}
