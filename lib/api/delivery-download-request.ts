import { getDeliveryDownload } from "@/db/queries/delivery-packs";
import { requireStaffCaller } from "@/lib/auth/staff";
import { NotAllowedError } from "@/lib/domain/roles";
import { logError } from "@/lib/log";
import { deliveryDownloadSchema } from "@/lib/validation/delivery";

/**
 * POST /staff/delivery/download (the delivery page's buttons): a made pack's PDF or CSV, for
 * editors and admins, streamed chunk by chunk from the database; each download is audited.
 */
export async function handleDeliveryDownload(request: Request): Promise<Response> {
  let caller;
  try {
    caller = await requireStaffCaller("editor");
  } catch (error) {
    if (error instanceof NotAllowedError)
      return Response.json(
        { error: "Only editors and admins can download delivery packs." },
        { status: 403 },
      );
    throw error;
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ error: "Send the pack and the file as a form." }, { status: 400 });
  }
  const parsed = deliveryDownloadSchema.safeParse({ id: form.get("id"), file: form.get("file") });
  if (!parsed.success) return Response.json({ error: "There is no such pack." }, { status: 404 });
  const made = await getDeliveryDownload(caller, parsed.data.id, parsed.data.file);
  if (!made)
    return Response.json({ error: "There is no such pack, or it is not made yet." }, { status: 404 });
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await made.chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value));
      } catch (error) {
        logError("delivery pack: download part way", error);
        controller.error(error);
      }
    },
    async cancel() {
      await made.chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": parsed.data.file === "pdf" ? "application/pdf" : "text/csv; charset=utf-8",
      "Content-Length": String(made.bytes),
      "Content-Disposition": `attachment; filename="${made.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
