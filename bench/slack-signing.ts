import { createHmac } from 'node:crypto';

/** The headers Slack signs a request with: `v0=` HMAC-SHA256 of `v0:<ts>:<body>` under the signing secret. */
export function slackSignatureHeaders(signingSecret: string, body: string, nowSeconds = Math.floor(Date.now() / 1000)): Record<string, string> {
  const ts = String(nowSeconds);
  const signature = createHmac('sha256', signingSecret).update(`v0:${ts}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': ts, 'x-slack-signature': `v0=${signature}` };
}
