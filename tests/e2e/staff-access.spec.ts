import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

// Finds every staff page (app/(staff)) and every staff server action (in the build's own
// manifest), and checks that each page refuses an anonymous caller and a too-low role, also with
// the headers of known Next.js middleware bypasses, and each action too. Nothing here is listed
// by hand, so a page or action added later is checked without anyone remembering to.

const STAFF_APP = path.join("app", "(staff)", "staff");
const PUBLIC_PAGES = ["/staff/sign-in", "/staff/sign-in/link/[token]"];
// Signing in and out is for anonymous callers by design; everything else in these files is staff-only.
const PUBLIC_ACTIONS = [
  "signInWithPasswordAction",
  "requestSignInLinkAction",
  "signInWithLinkAction",
  "signOutAction",
];

const BYPASS_HEADERS: Record<string, string>[] = [
  {},
  { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  { "x-middleware-subrequest": "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware" },
  { RSC: "1" },
  { RSC: "1", "Next-Router-Prefetch": "1" },
  { "Next-Router-Prefetch": "1", "x-middleware-subrequest": "proxy" },
];

/** Staff route handlers and who may call them: the policy, as for the actions below. */
const ROUTE_ROLES: Record<string, "viewer" | "editor" | "admin"> = {
  "/staff/export/download": "admin",
  "/staff/delivery/download": "editor",
};

function staffRoutes(): { url: string; role: string | undefined }[] {
  const routes: { url: string; role: string | undefined }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      if (entry.name === "route.ts") {
        const url =
          "/" +
          path
            .relative("app", dir)
            .split(path.sep)
            .filter((part) => !/^\(.*\)$/.test(part))
            .join("/");
        routes.push({ url, role: ROUTE_ROLES[url] });
      }
    }
  };
  walk(STAFF_APP);
  return routes;
}

function staffPages(): { url: string; role: string }[] {
  const pages: { url: string; role: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_")) walk(full);
      if (entry.name === "page.tsx") {
        const url =
          "/" +
          path
            .relative("app", dir)
            .split(path.sep)
            .filter((part) => !/^\(.*\)$/.test(part))
            .join("/");
        const role = /requireStaff\("(\w+)"\)/.exec(fs.readFileSync(full, "utf8"))?.[1] ?? "viewer";
        if (!PUBLIC_PAGES.includes(url)) pages.push({ url, role });
      }
    }
  };
  walk(STAFF_APP);
  return pages;
}

/**
 * Who may call each staff action: the policy, written down here rather than read from the code
 * it checks. An action missing from this list fails the first test below, so none is forgotten.
 */
const ACTION_ROLES: Record<string, "viewer" | "editor" | "admin"> = {
  saveEmbedOriginsAction: "editor",
  setOwnPasswordAction: "viewer",
  signOutEverywhereAction: "viewer",
  inviteStaffAction: "admin",
  changeStaffAccessAction: "admin",
  createApiKeyAction: "admin",
  revokeApiKeyAction: "admin",
  registerWebhookAction: "admin",
  sendTestEventAction: "admin",
  replayDeliveryAction: "admin",
  enableWebhookAction: "admin",
  deleteWebhookAction: "admin",
  requestDeliveryPackAction: "editor",
  postPetitionUpdateAction: "editor",
  editPetitionUpdateAction: "editor",
  deletePetitionUpdateAction: "editor",
  emailPetitionUpdateAction: "editor",
  publishIntegrityRootAction: "editor",
  moderateSupporterAction: "editor",
  eraseSupporterAction: "editor",
  bulkRejectAction: "editor",
  decideHeldGroupAction: "editor",
  decideCommentAction: "editor",
  savePetitionAction: "editor",
  saveStoryPageAction: "editor",
  savePledgeAction: "editor",
  saveCommitmentAction: "editor",
  addCommitmentAction: "editor",
  retireCommitmentAction: "editor",
  saveImpactFigureAction: "editor",
  addImpactFigureAction: "editor",
};

function staffActions(): { id: string; name: string; role: string | undefined }[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node)
    .filter(
      ([, entry]) =>
        /^lib\/actions\/staff/.test(entry.filename ?? "") &&
        !PUBLIC_ACTIONS.includes(entry.exportedName ?? ""),
    )
    .map(([id, entry]) => ({ id, name: entry.exportedName!, role: ACTION_ROLES[entry.exportedName!] }));
}

const isStaffContent = (body: string) =>
  body.includes("signed-in-as") || body.includes('data-testid="team"') || body.includes("action-totals");

/**
 * Calls a server action as React 19.3's client does (encodeReply): a FormData argument's fields
 * named "_1_<field>", then the arguments in field 0, last, as the server reads them in order.
 * Written by hand so that the order holds. The fields would change something if the action ran.
 */
function callAction(
  request: APIRequestContext,
  origin: string,
  id: string,
  headers: Record<string, string>,
  fields: Record<string, string>,
) {
  const boundary = `upstand${Date.now()}`;
  const parts: [string, string][] = [
    ...Object.entries(fields).map(([name, value]): [string, string] => [`_1_${name}`, value]),
    ["0", '[null,"$K1"]'],
  ];
  const body =
    parts
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join("") + `--${boundary}--\r\n`;
  return request.post("/staff", {
    // The site's own origin, so that Next.js's cross-site check lets the call through to ours.
    headers: {
      ...headers,
      "Next-Action": id,
      Origin: origin,
      Accept: "text/x-component",
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
    },
    data: body,
    maxRedirects: 0,
  });
}

// Each check below makes hundreds of requests (every page, route or action, with every set of
// headers, for each caller), and grows with the console: more than 30 s on a busy machine.
test.describe.configure({ timeout: 180_000 });

test("the checks below found the staff pages and actions to check", () => {
  expect(staffPages().map((page) => page.url)).toEqual(
    expect.arrayContaining(["/staff", "/staff/team", "/staff/account"]),
  );
  const routes = staffRoutes();
  expect(routes.map((route) => route.url)).toEqual(expect.arrayContaining(Object.keys(ROUTE_ROLES)));
  for (const route of routes) expect(route.role, `${route.url} needs a line in ROUTE_ROLES`).toBeDefined();
  const actions = staffActions();
  expect(actions.map((action) => action.name)).toEqual(expect.arrayContaining(Object.keys(ACTION_ROLES)));
  for (const action of actions)
    expect(action.role, `${action.name} needs a line in ACTION_ROLES`).toBeDefined();
});

test("every staff page refuses an anonymous caller, whatever the headers", async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const { url } of staffPages()) {
    for (const headers of BYPASS_HEADERS) {
      const response = await anonymous.get(url, { headers, maxRedirects: 0 });
      const body = await response.text();
      expect(isStaffContent(body), `${url} with ${JSON.stringify(headers)}`).toBe(false);
      expect([200, 303, 307, 308], `${url} answered ${response.status()}`).toContain(response.status());
    }
  }
  await anonymous.dispose();
});

test("every staff route refuses an anonymous caller and a too-low role, whatever the headers", async ({
  page,
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  await signInWithPassword(page, E2E_STAFF.viewer.email);
  await expectSignedIn(page, E2E_STAFF.viewer.email);
  for (const { url, role } of staffRoutes()) {
    const callers = role === "viewer" ? [anonymous] : [anonymous, page.request];
    for (const caller of callers) {
      for (const headers of BYPASS_HEADERS) {
        const response = await caller.post(url, {
          form: { action: "petition:e2e-export", state: "" },
          headers,
          maxRedirects: 0,
        });
        expect([401, 403, 307], `${url} with ${JSON.stringify(headers)}`).toContain(response.status());
        expect(await response.text()).not.toContain("@");
      }
    }
  }
  await anonymous.dispose();
});

test("pages above a member's role answer 403, whatever the headers", async ({ page }) => {
  await signInWithPassword(page, E2E_STAFF.viewer.email);
  await expectSignedIn(page, E2E_STAFF.viewer.email);
  for (const { url, role } of staffPages().filter((page) => page.role !== "viewer")) {
    for (const headers of BYPASS_HEADERS) {
      const response = await page.request.get(url, { headers, maxRedirects: 0 });
      const body = await response.text();
      expect(body.includes('data-testid="team"'), `${url} (${role}) with ${JSON.stringify(headers)}`).toBe(
        false,
      );
      if (!headers.RSC) expect(response.status(), `${url} (${role})`).toBe(403);
    }
  }
});

test("every staff server action refuses an anonymous caller and a too-low role, and changes nothing", async ({
  page,
  playwright,
  baseURL,
}) => {
  const actions = staffActions();
  const origin = new URL(baseURL!).origin;
  const admin = await (await page.context().browser()!.newContext()).newPage();
  await signInWithPassword(admin, E2E_STAFF.admin.email);
  await expectSignedIn(admin, E2E_STAFF.admin.email);
  // A control: the same kind of call, by an admin, does act. So the refusals below are the checks'.
  const invite = actions.find((action) => action.name === "inviteStaffAction")!;
  await callAction(admin.request, origin, invite.id, {}, { email: "control@staff.example", role: "viewer" });
  await admin.goto("/staff/team");
  await expect(admin.getByTestId("team")).toContainText("control@staff.example");
  const teamBefore = await admin.getByTestId("team").innerText();
  // A real member to aim at: were any check missing, the editor would be disabled.
  const editorId = await admin
    .locator(`form:has(button[aria-label="Disable ${E2E_STAFF.editor.email}"]) input[name="memberId"]`)
    .inputValue();
  // And a real signature: were the moderation checks missing, it would be erased.
  const signer = "petition-verified-0@example.org";
  await admin.goto(`/staff/signatures?email=${signer}`);
  const href = await admin.getByTestId("supporters").getByRole("link").first().getAttribute("href");
  const signatureId = new URL(href!, origin).pathname.split("/").at(-1)!;
  await admin.goto("/staff/team");
  const fields = {
    email: "intruder@staff.example",
    role: "admin",
    memberId: editorId,
    change: "disable",
    password: "a password nobody chose here",
    kind: "petition",
    id: signatureId,
    commentId: signatureId,
    decision: "remove",
    reason: "an intruder's reason",
    isConfirmed: "on",
  };

  const anonymous = await playwright.request.newContext({ baseURL });
  await signInWithPassword(page, E2E_STAFF.viewer.email);
  await expectSignedIn(page, E2E_STAFF.viewer.email);
  const callers = [
    { who: "anonymous", request: anonymous, refused: actions },
    { who: "a viewer", request: page.request, refused: actions.filter((action) => action.role !== "viewer") },
  ];
  expect(callers[1]!.refused.length).toBeGreaterThan(0);
  for (const { who, request, refused } of callers) {
    for (const { id, name } of refused) {
      for (const headers of BYPASS_HEADERS) {
        const response = await callAction(request, origin, id, headers, fields);
        expect(response.status(), `${name} for ${who} with ${JSON.stringify(headers)}`).toBeLessThan(500);
      }
    }
  }
  await anonymous.dispose();

  // Nobody was added, disabled or signed out: the admin sees the same team, and both are still in.
  await admin.reload();
  await expectSignedIn(admin, E2E_STAFF.admin.email);
  expect(await admin.getByTestId("team").innerText()).toBe(teamBefore);
  await page.goto("/staff");
  await expectSignedIn(page, E2E_STAFF.viewer.email);
  await admin.goto(`/staff/signatures/${signatureId}?kind=petition`);
  await expect(admin.getByTestId("supporter-facts")).toContainText(signer);
});
