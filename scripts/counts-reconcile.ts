import { closeDb } from "@/db";
import { reconcileCounts } from "@/db/queries/reconcile";
import { runCli } from "./cli";

// `npm run counts:reconcile`: recount every total from the rows, report drift, repair it.
runCli(async () => {
  try {
    const report = await reconcileCounts();
    if (!report) {
      console.log("Another instance is reconciling right now; nothing done.");
      return;
    }
    for (const d of report.drift) {
      console.log(
        `drift: ${d.subject} ${d.subjectId} ${d.state}: counted ${d.counted}, actually ${d.actual}; repaired`,
      );
    }
    console.log(JSON.stringify({ checked: report.checked, drift: report.drift.length }));
  } finally {
    await closeDb();
  }
});
