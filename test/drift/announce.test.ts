import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMemoryLogger } from '@deployforge/diagnostics';
import { announceRelease } from '@deployforge/runner';
import type { StatusDocument } from '@deployforge/status';
import { closedPort } from './drift-project.js';

// announceRelease against an in-process webhook receiver on 127.0.0.1: what each kind of webhook is
// sent, that failures are reported without throwing, and that the secret URLs never leak.

interface Received {
  path: string;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

let server: Server;
let base: string;
const received: Received[] = [];
// Paths carry a token, as Slack's and Discord's webhook URLs do.
const SECRET = 'T0KEN-5ecret-webhook-path-91f2';

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => {
      const path = req.url ?? '';
      if (path.includes('/broken/')) {
        // A server that echoes the request line back, secret included: the detail must not carry it.
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`no thanks for POST ${path}`);
        return;
      }
      received.push({ path, contentType: req.headers['content-type'], body: JSON.parse(text) as Record<string, unknown> });
      res.writeHead(path.includes('discord') ? 204 : 200).end(path.includes('slack') ? 'ok' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const doc: StatusDocument = {
  project: 'shimmy',
  version: '1.2.3',
  'generated-at': '2026-07-01T12:00:00.000Z',
  release: { status: 'published', url: 'https://github.com/acme/shimmy/releases/tag/v1.2.3', tag: 'v1.2.3', assets: [], detail: 'published' },
  platforms: {
    npm: { status: 'published', version: '1.2.3', url: 'https://www.npmjs.com/package/shimmy', 'duration-ms': 10, required: true, detail: 'ok' },
    homebrew: { status: 'skipped', version: '1.2.3', 'duration-ms': 5, required: false, detail: 'identical' },
    chocolatey: { status: 'needs-human', version: '1.2.3', 'duration-ms': 5, required: false, detail: 'in moderation' },
  },
};

describe('announceRelease', () => {
  test('Slack blocks, a Discord embed and generic JSON, each to its own webhook; URLs never logged', async () => {
    received.length = 0;
    const env = {
      DEPLOYFORGE_SLACK_WEBHOOK: `${base}/slack/${SECRET}`,
      DEPLOYFORGE_DISCORD_WEBHOOK: `${base}/discord/${SECRET}`,
      DEPLOYFORGE_ANNOUNCE_WEBHOOK: `${base}/hook/${SECRET}`,
    };
    const log = createMemoryLogger();
    const results = await announceRelease(doc, env, { log });
    expect(results.map((r) => [r.target, r.status])).toEqual([['slack', 'sent'], ['discord', 'sent'], ['generic', 'sent']]);
    expect(received).toHaveLength(3);
    for (const r of received) expect(r.contentType).toBe('application/json');

    const slack = received.find((r) => r.path.startsWith('/slack/'))!.body as { text: string; blocks: { type: string; text: { text: string } }[] };
    expect(slack.text).toBe('shimmy 1.2.3 released: 3 of 4 platform(s) done, 1 need a person');
    expect(slack.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section']);
    expect(slack.blocks[1]!.text.text).toContain('<https://github.com/acme/shimmy/releases/tag/v1.2.3|v1.2.3>');
    expect(slack.blocks[2]!.text.text).toMatch(/^```\nplatform\s+status\s+version\ngithub\s+published\s+v1\.2\.3\nnpm\s+published\s+1\.2\.3\n/);

    const discord = received.find((r) => r.path.startsWith('/discord/'))!.body as { embeds: { title: string; url: string; color: number; description: string }[]; allowed_mentions: unknown };
    expect(discord.embeds[0]).toMatchObject({ title: 'shimmy 1.2.3', url: 'https://github.com/acme/shimmy/releases/tag/v1.2.3', color: 0xd29922 });
    expect(discord.embeds[0]!.description).toContain('chocolatey  needs-human');
    expect(discord.allowed_mentions).toEqual({ parse: [] });

    const generic = received.find((r) => r.path.startsWith('/hook/'))!.body as { event: string; status: StatusDocument };
    expect(generic.event).toBe('deployforge.release');
    expect(generic.status).toEqual(doc);

    expect(JSON.stringify(results)).not.toContain(SECRET);
    expect(log.lines.join('\n')).not.toContain(SECRET);
  });

  test('no webhook configured: nothing is sent', async () => {
    received.length = 0;
    expect(await announceRelease(doc, { DEPLOYFORGE_SLACK_WEBHOOK: '  ' })).toEqual([]);
    expect(received).toHaveLength(0);
  });

  test('a failing or unreachable webhook is a failed result with the reason (secret redacted), never a throw; the others still go out', async () => {
    received.length = 0;
    const port = await closedPort();
    const env = {
      DEPLOYFORGE_SLACK_WEBHOOK: `${base}/broken/${SECRET}`,
      DEPLOYFORGE_DISCORD_WEBHOOK: `http://127.0.0.1:${port}/discord/${SECRET}`,
      DEPLOYFORGE_ANNOUNCE_WEBHOOK: `${base}/hook/${SECRET}`,
    };
    const log = createMemoryLogger();
    const results = await announceRelease(doc, env, { log });
    expect(results.map((r) => [r.target, r.status])).toEqual([['slack', 'failed'], ['discord', 'failed'], ['generic', 'sent']]);
    expect(results[0]!.detail).toMatch(/^the slack webhook answered 500: no thanks for POST \*\*\*$/);
    expect(results[1]!.detail).toMatch(/^posting to the discord webhook failed: .*ECONNREFUSED/);
    expect(received).toHaveLength(1);
    expect(JSON.stringify(results)).not.toContain(SECRET);
    expect(log.lines.join('\n')).not.toContain(SECRET);
    expect(log.lines.filter((l) => l.startsWith('warning: announce'))).toHaveLength(2);
  });

  test('a value that is not an http(s) URL is refused without a request', async () => {
    const results = await announceRelease(doc, { DEPLOYFORGE_ANNOUNCE_WEBHOOK: `file:///etc/${SECRET}`, DEPLOYFORGE_SLACK_WEBHOOK: `not a url ${SECRET}` });
    expect(results.map((r) => r.detail)).toEqual(['DEPLOYFORGE_SLACK_WEBHOOK is not a URL', 'DEPLOYFORGE_ANNOUNCE_WEBHOOK must be an http(s) URL']);
  });
});
