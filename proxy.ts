import { NextResponse, type NextRequest } from "next/server";

// Convenience only: sends someone with no session cookie at all to the sign-in page. Every
// staff page, action and query checks the caller against the database itself (lib/auth/staff.ts,
// db/queries), so nothing depends on this.
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
  if (hasSession) return NextResponse.next();
  return NextResponse.redirect(new URL("/staff/sign-in", request.url));
}

export const config = { matcher: ["/staff", "/staff/((?!sign-in).*)"] };
