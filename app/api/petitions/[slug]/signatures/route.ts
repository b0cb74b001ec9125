import { handleSignatureRequest } from "@/lib/api/signature-request";

export const dynamic = "force-dynamic";

/** Sign a petition. See docs/API.md. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleSignatureRequest(request, (await params).slug);
}
