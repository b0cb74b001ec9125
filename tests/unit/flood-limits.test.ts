import { describe, expect, it } from "vitest";
import { nextJsFloodLimit, signInActionIds } from "@/lib/http/flood-limits";

const SIGN_IN_ACTION = "60aa";
const signInActions = new Set([SIGN_IN_ACTION]);

describe("nextJsFloodLimit", () => {
  it("counts pages, and not the build's static assets", () => {
    expect(nextJsFloodLimit("GET", "/", undefined, signInActions)).toBe("pages");
    expect(nextJsFloodLimit("GET", "/petition/x", undefined, signInActions)).toBe("pages");
    expect(nextJsFloodLimit("GET", "/_next/static/chunks/app.js", undefined, signInActions)).toBeNull();
    expect(nextJsFloodLimit("GET", "/_next/image", undefined, signInActions)).toBe("pages");
  });

  it("counts POSTs to the sign-in pages and Auth.js's callbacks as signing in, however the path is written", () => {
    for (const path of [
      "/staff/sign-in",
      "/staff/sign-in/",
      "/staff/sign-in/link/abc",
      "/api/auth/callback/password",
      "/api/auth/signin/link",
      "//staff//sign-in",
      "/staff/%73ign-in",
    ]) {
      expect(nextJsFloodLimit("POST", path, undefined, signInActions)).toBe("signIn");
    }
    expect(nextJsFloodLimit("GET", "/staff/sign-in", undefined, signInActions)).toBe("pages");
    expect(nextJsFloodLimit("POST", "/staff/sign-in-help", undefined, signInActions)).toBe("pages");
    expect(nextJsFloodLimit("POST", "/petition/x", "60bb", signInActions)).toBe("pages");
  });

  it("counts a sign-in action called by any other path as signing in", () => {
    expect(nextJsFloodLimit("POST", "/help", SIGN_IN_ACTION, signInActions)).toBe("signIn");
  });
});

describe("signInActionIds", () => {
  it("finds the sign-in actions in a build's manifest, not sign-out or other modules' actions", () => {
    const manifest = {
      node: {
        a1: { workers: {}, filename: "lib/actions/staff-auth.ts", exportedName: "signInWithPasswordAction" },
        a2: { workers: {}, filename: "lib/actions/staff-auth.ts", exportedName: "requestSignInLinkAction" },
        a3: { workers: {}, filename: "lib/actions/staff-auth.ts", exportedName: "signOutAction" },
        a4: { workers: {}, filename: "lib/actions/signatures.ts", exportedName: "signPetitionAction" },
      },
      edge: {},
    };
    expect(signInActionIds(JSON.stringify(manifest))).toEqual(new Set(["a1", "a2"]));
  });
});
