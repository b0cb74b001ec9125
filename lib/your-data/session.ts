import { cookies } from "next/headers";
import { getYourDataSession, type YourDataSession } from "@/db/queries/your-data";
import { YOUR_DATA_COOKIE, YOUR_DATA_SESSION_MINUTES } from "@/lib/domain/your-data";
import { siteUrl } from "@/lib/http/site-url";
import { hashToken, newToken } from "@/lib/signing/tokens";

// The "Your data" session cookie: a random id (256 bits), HttpOnly so no script reads it,
// SameSite=Lax so no other site's form posts with it, Secure wherever the site is served over
// HTTPS (production), and only its SHA-256 stored (db/schema/your-data.ts). The database decides
// whether it is still open: ended by Sign out or erasure, or past its 30 minutes.

/** The open session of this request's cookie; null when there is none. */
export async function currentYourDataSession(): Promise<YourDataSession | null> {
  const id = (await cookies()).get(YOUR_DATA_COOKIE)?.value;
  if (!id || !/^[\w-]{20,100}$/.test(id)) return null;
  return getYourDataSession(hashToken(id));
}

/** Whether this request carries a session cookie at all (to say that a session ended). */
export async function hasYourDataCookie(): Promise<boolean> {
  return (await cookies()).has(YOUR_DATA_COOKIE);
}

/** A new session id: the cookie's value, and the hash to store. */
export const newYourDataSessionId = newToken;

export async function setYourDataCookie(id: string): Promise<void> {
  (await cookies()).set(YOUR_DATA_COOKIE, id, {
    httpOnly: true,
    secure: siteUrl().protocol === "https:",
    sameSite: "lax",
    path: "/",
    maxAge: YOUR_DATA_SESSION_MINUTES * 60,
  });
}

export async function clearYourDataCookie(): Promise<void> {
  (await cookies()).delete(YOUR_DATA_COOKIE);
}
