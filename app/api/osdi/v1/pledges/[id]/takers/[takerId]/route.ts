import { handleOsdiSupporter } from "@/lib/osdi/endpoints";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; takerId: string }> },
) {
  const { id, takerId } = await params;
  return handleOsdiSupporter(request, "pledge", id, takerId);
}
