"use client";

import { RowActionButton } from "@/components/forms/row-action-button";
import {
  deleteWebhookAction,
  enableWebhookAction,
  replayDeliveryAction,
  sendTestEventAction,
} from "@/lib/actions/staff-webhooks";

const ACTIONS = {
  test: { action: sendTestEventAction, busy: "Sending…", done: "Test event queued." },
  replay: { action: replayDeliveryAction, busy: "Replaying…", done: "Queued again." },
  enable: { action: enableWebhookAction, busy: "Enabling…", done: "Enabled." },
  delete: { action: deleteWebhookAction, busy: "Deleting…", done: "Deleted." },
};

/** One button acting on one endpoint or delivery, with what became of it said beside it. */
export function WebhookRowButton({
  kind,
  ...row
}: {
  kind: keyof typeof ACTIONS;
  id: string;
  label: string;
  accessibleName: string;
}) {
  const { action, ...words } = ACTIONS[kind];
  return <RowActionButton action={action} {...words} {...row} />;
}
