import { handleOsdiSupporter } from "@/lib/osdi/endpoints";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; signatureId: string }> },
) {
  const { id, signatureId } = await params;
  return handleOsdiSupporter(request, "petition", id, signatureId);
}
