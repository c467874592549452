import { createRedactor, type Logger } from '@deployforge/diagnostics';
import type { StatusDocument } from '@deployforge/status';
import { discordPayload, genericPayload, slackPayload } from './announce-payloads.js';

export type AnnounceTarget = 'slack' | 'discord' | 'generic';

export interface AnnounceResult {
  target: AnnounceTarget;
  /** The environment variable the webhook came from: the only way a result names its endpoint. */
  variable: string;
  status: 'sent' | 'failed';
  detail: string;
}

/** Where each kind of webhook is read from. The URLs carry their own secret, so they are secrets. */
const WEBHOOKS: readonly { variable: string; target: AnnounceTarget; payload: (doc: StatusDocument) => Record<string, unknown> }[] = [
  { variable: 'DEPLOYFORGE_SLACK_WEBHOOK', target: 'slack', payload: slackPayload },
  { variable: 'DEPLOYFORGE_DISCORD_WEBHOOK', target: 'discord', payload: discordPayload },
  { variable: 'DEPLOYFORGE_ANNOUNCE_WEBHOOK', target: 'generic', payload: genericPayload },
];

/**
 * The forms in which a webhook's secret can come back in an error: the whole URL, its path (servers
 * echo the request line), and every long path segment (the token itself: Slack's last three,
 * Discord's last one). Short segments such as `services` or `api` are words, not secrets.
 */
function secretParts(raw: string): string[] {
  const url = raw.trim();
  const parts = [url];
  try {
    const parsed = new URL(url);
    parts.push(`${parsed.pathname}${parsed.search}`, parsed.pathname, ...parsed.pathname.split('/').filter((s) => s.length >= 16));
    if (parsed.password) parts.push(parsed.password);
    for (const value of parsed.searchParams.values()) if (value.length >= 16) parts.push(value);
  } catch {
    // Not a URL: refused below, and the whole value is already in the list.
  }
  return parts;
}

const message = (error: unknown) => {
  if (!(error instanceof Error)) return String(error);
  // undici hides the socket error in `cause` ("fetch failed" alone says nothing).
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
};

/**
 * Post the result of a release to every configured webhook: Slack blocks, a Discord embed, or
 * generic JSON. Each webhook is tried independently and never throws: an announcement is a
 * courtesy, and a chat outage must not turn a good release red. Webhook URLs are never logged or
 * returned; every detail is redacted against them (a server may echo its own URL).
 */
export async function announceRelease(
  doc: StatusDocument,
  env: Readonly<Record<string, string | undefined>>,
  options: { log?: Logger; timeoutMs?: number } = {},
): Promise<AnnounceResult[]> {
  const configured = WEBHOOKS.filter((w) => (env[w.variable] ?? '').trim() !== '');
  const redact = createRedactor(configured.flatMap((w) => secretParts(env[w.variable] ?? '')));
  return Promise.all(configured.map(async (w): Promise<AnnounceResult> => {
    const url = (env[w.variable] ?? '').trim();
    const done = (status: AnnounceResult['status'], detail: string): AnnounceResult => {
      const result = { target: w.target, variable: w.variable, status, detail: redact(detail) };
      if (status === 'failed') options.log?.warning(`announce (${w.variable}): ${result.detail}`);
      else options.log?.info(`announce (${w.variable}): ${result.detail}`);
      return result;
    };
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return done('failed', `${w.variable} is not a URL`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return done('failed', `${w.variable} must be an http(s) URL`);
    try {
      const response = await fetch(parsed, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'deployforge' },
        body: JSON.stringify(w.payload(doc)),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        // A redirect would re-send the body somewhere the user did not configure.
        redirect: 'error',
      });
      const text = (await response.text()).slice(0, 200).trim();
      if (!response.ok) return done('failed', `the ${w.target} webhook answered ${response.status}${text ? `: ${text}` : ''}`);
      return done('sent', `posted to the ${w.target} webhook (${response.status})`);
    } catch (error) {
      return done('failed', `posting to the ${w.target} webhook failed: ${message(error)}`);
    }
  }));
}
