import { expect, test } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { axeViolations } from "./pages/axe";
import { expectSignedIn, signInWithPassword } from "./pages/staff";
import { startWebhookReceiver } from "../helpers/webhook-receiver";

test("an admin registers an endpoint, copies its secret, sends a test event, sees it delivered, and replays it", async ({
  page,
}) => {
  const receiver = await startWebhookReceiver();
  try {
    await signInWithPassword(page, E2E_STAFF.admin.email);
    await expectSignedIn(page, E2E_STAFF.admin.email);
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhooks");

    // Nothing chosen: the errors sit on their fields.
    await page.getByRole("button", { name: "Register the endpoint" }).click();
    await expect(page.getByRole("group", { name: "Events to send" })).toHaveAccessibleDescription(
      "Choose at least one event to send",
    );

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description").fill("E2E receiver");
    await page.getByLabel("A person is erased (identifiers only)").check();
    await page.getByRole("button", { name: "Register the endpoint" }).click();
    const made = page.getByTestId("made-webhook");
    await expect(made).toContainText("you will not see it again");
    const secret = await made.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    receiver.useSecret(secret);
    expect(await axeViolations(page, "Webhooks with a new endpoint")).toEqual([]);

    const endpoint = page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url });
    await expect(endpoint).toContainText("person.erased");
    await expect(endpoint.getByTestId("webhook-endpoint-status")).toContainText("Active");
    await endpoint.getByRole("button", { name: `Send test event to ${receiver.url}` }).click();
    await expect(endpoint).toContainText("Test event queued.");
    await expect.poll(() => receiver.received.length).toBe(1);
    const [test] = receiver.received;
    expect(test!.verifyError).toBeNull();
    expect((test!.payload as [{ type: string }])[0].type).toBe("webhook.test");

    // The delivery, as the page shows it once reloaded.
    await page.reload();
    const delivery = endpoint.getByTestId("webhook-delivery").filter({ hasText: test!.id });
    await expect(delivery).toContainText("webhook.test");
    await expect(delivery).toContainText("Delivered (answered 200)");

    await delivery.getByRole("button", { name: `Replay ${test!.id}` }).click();
    await expect(delivery).toContainText("Queued again.");
    await expect.poll(() => receiver.received.length).toBe(2);
    await page.reload();
    await expect(delivery).toContainText("Delivered (answered 200)");
    // A replay is the same message: the same id and body, signed afresh.
    expect(receiver.received[1]!.id).toBe(test!.id);
    expect(receiver.received[1]!.body).toBe(test!.body);
    expect(receiver.received[1]!.verifyError).toBeNull();

    // Never shown again.
    await page.reload();
    await expect(page.getByTestId("made-webhook")).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);

    await page.goto("/staff/audit?action=webhook.replay");
    await expect(page.getByRole("main")).toContainText("Replayed a delivery to a webhook endpoint");
  } finally {
    await receiver.close();
  }
});

test("an editor is not offered webhooks, and is refused the page", async ({ page }) => {
  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await expect(page.getByRole("navigation", { name: "Staff console" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  const response = await page.goto("/staff/webhooks");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Register the endpoint")).toHaveCount(0);
});
