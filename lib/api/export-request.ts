import { insertAuditEntry } from "@/db/queries/audit";
import { EXPORT_CSV_HEADER, exportSupporters, type ExportFilters } from "@/db/queries/exports";
import { getSupportTarget, type SupportKind } from "@/db/queries/supporters";
import { NotAllowedError } from "@/lib/domain/roles";
import { requireStaffCaller } from "@/lib/auth/staff";
import { exportSchema } from "@/lib/validation/export";
import { logError } from "@/lib/log";

// So that spreadsheet programs read the file as UTF-8 (names like Zoë or 佐藤 stay intact).
const CSV_BOM = "\uFEFF";

/**
 * POST /staff/export/download (the export page's form): an admin's export of one petition's signatures or one pledge's
 * takers, as CSV (UTF-8 with a byte-order mark, formula-safe) or JSON Lines, streamed batch by
 * batch as the client reads it. Each export is written to the audit log with its filters and
 * row count, even when the download is cut short.
 */
export async function handleExportRequest(request: Request): Promise<Response> {
  let caller;
  try {
    caller = await requireStaffCaller("admin");
  } catch (error) {
    if (error instanceof NotAllowedError)
      return Response.json({ error: "Only admins can export personal data." }, { status: 403 });
    throw error;
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ error: "Send the export's filters as a form." }, { status: 400 });
  }
  const parsed = exportSchema.safeParse(
    Object.fromEntries([...form].filter(([, value]) => typeof value === "string")),
  );
  if (!parsed.success)
    return Response.json(
      { error: parsed.error.issues.map((issue) => issue.message).join("; ") },
      { status: 400 },
    );
  const { action, state, from, to, optedIn, format } = parsed.data;
  const [kind, slug] = action.split(":") as [SupportKind, string];
  const target = await getSupportTarget(kind, slug);
  if (!target) return Response.json({ error: `There is no ${kind} called ${slug}.` }, { status: 404 });

  const filters: ExportFilters = {
    kind,
    parentId: target.id,
    state,
    from,
    to,
    optedInOnly: optedIn === "on",
  };
  const batches = exportSupporters(caller, filters, format);
  const encoder = new TextEncoder();
  let rows = 0;
  let isLogged = false;
  const log = async (isComplete: boolean) => {
    if (isLogged) return;
    isLogged = true;
    await insertAuditEntry(caller, {
      action: "export.supporters",
      subjectType: kind,
      subjectId: target.id,
      details: {
        slug,
        state: state ?? null,
        from: from ?? null,
        to: to ?? null,
        optedInOnly: filters.optedInOnly,
        format,
        isComplete,
      },
      rowCount: rows,
    }).catch((error) => logError("export: audit entry", error));
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? CSV_BOM + EXPORT_CSV_HEADER : ""));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) {
          await log(true);
          controller.close();
          return;
        }
        rows += next.value.rows;
        controller.enqueue(encoder.encode(next.value.text));
      } catch (error) {
        logError("export: part way", error);
        await log(false);
        controller.error(error);
      }
    },
    async cancel() {
      await log(false);
      await batches.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="${kind}-${slug}-${date}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
