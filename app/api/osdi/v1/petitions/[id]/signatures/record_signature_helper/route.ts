import { handleRecordSignatureHelper } from "@/lib/api/record-signature-helper";

export const dynamic = "force-dynamic";

/** Record a signature for a partner's OSDI system. See docs/API.md, "Recording signatures". */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRecordSignatureHelper(request, (await params).id);
}
