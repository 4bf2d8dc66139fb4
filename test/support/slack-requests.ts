import crypto from 'node:crypto';

/** Slack's request signature: v0= + HMAC-SHA256(secret, `v0:<timestamp>:<raw body>`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (to test rejection). */
  signature?: string;
}

/** POSTs a body to Bolt's `/slack/events` signed the way Slack signs it. */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  options: SignedPostOptions = {},
): Promise<{ status: number; body: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(secret, timestamp, body),
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}

export interface SlashCommandFields {
  command: string;
  text: string;
  response_url: string;
  user_id?: string;
  channel_id?: string;
  team_id?: string;
}

/** The form body Slack sends for a slash command. */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: fields.team_id ?? 'T-FAKE',
    team_domain: 'fake',
    channel_id: fields.channel_id ?? 'C-NEWS',
    channel_name: 'news',
    user_id: fields.user_id ?? 'U-READER',
    user_name: 'reader',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A-FAKE',
    response_url: fields.response_url,
    trigger_id: '1.2.3',
  }).toString();
}

let eventCounter = 0;

/** An Events API envelope around `event`, with a fresh event id. */
export function eventEnvelope(event: Record<string, unknown>, teamId = 'T-FAKE'): Record<string, unknown> {
  eventCounter += 1;
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A-FAKE',
    event,
    type: 'event_callback',
    event_id: `Ev${Date.now()}${eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'U-BOT', is_bot: true }],
  };
}
