import type { StatusDocument } from '@deployforge/status';

/** The rows every announcement shows: hub first, then each platform. */
export function announcementRows(doc: StatusDocument): { platform: string; status: string; version: string; url?: string }[] {
  const rows: { platform: string; status: string; version: string; url?: string }[] = [];
  if (doc.release) rows.push({ platform: 'github', status: doc.release.status, version: doc.release.tag, ...(doc.release.url ? { url: doc.release.url } : {}) });
  for (const [key, p] of Object.entries(doc.platforms)) rows.push({ platform: key, status: p.status, version: p.version, ...(p.url ? { url: p.url } : {}) });
  return rows;
}

/** One line of words: the chat notification preview and the fallback of clients without blocks. */
export function announcementHeadline(doc: StatusDocument): string {
  const rows = announcementRows(doc);
  const failed = rows.filter((r) => r.status === 'failed').length;
  const human = rows.filter((r) => r.status === 'needs-human').length;
  const tail = failed > 0 ? `, ${failed} failed` : human > 0 ? `, ${human} need a person` : '';
  return `${doc.project} ${doc.version} released${doc['dry-run'] ? ' (dry run)' : ''}: ${rows.length - failed - human} of ${rows.length} platform(s) done${tail}`;
}

/** Aligned plain-text columns, shown in a code block so chat clients keep the alignment. */
export function announcementTable(doc: StatusDocument): string {
  const rows = announcementRows(doc).map((r) => [r.platform, r.status, r.version]);
  const header = ['platform', 'status', 'version'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows].map((cells) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

// Slack rejects a section text over 3000 characters and Discord an embed description over 4096:
// a release to every platform stays far below, but a table cut short beats a refused message.
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 2)}\n…`);

/** Slack incoming webhook: `text` (notifications, old clients) plus Block Kit blocks. */
export function slackPayload(doc: StatusDocument): Record<string, unknown> {
  const headline = announcementHeadline(doc);
  const link = doc.release?.url ? `<${doc.release.url}|${doc.release.tag}>` : undefined;
  return {
    text: headline,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: clip(`${doc.project} ${doc.version}`, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: link ? `${headline}\nRelease: ${link}` : headline } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(`\`\`\`\n${announcementTable(doc)}\n\`\`\``, 3000) } },
    ],
  };
}

const GREEN = 0x2da44e;
const YELLOW = 0xd29922;
const RED = 0xcf222e;

/** Discord webhook: one embed, coloured by the worst result. */
export function discordPayload(doc: StatusDocument): Record<string, unknown> {
  const statuses = announcementRows(doc).map((r) => r.status);
  const color = statuses.includes('failed') ? RED : statuses.includes('needs-human') ? YELLOW : GREEN;
  return {
    content: announcementHeadline(doc),
    embeds: [{
      title: clip(`${doc.project} ${doc.version}`, 256),
      ...(doc.release?.url ? { url: doc.release.url } : {}),
      color,
      description: clip(`\`\`\`\n${announcementTable(doc)}\n\`\`\``, 4096),
      timestamp: doc['generated-at'],
    }],
    // A project name such as "@everyone" must not ping a whole server.
    allowed_mentions: { parse: [] },
  };
}

/** Any other endpoint: the words, the table, and the whole status document for machines. */
export function genericPayload(doc: StatusDocument): Record<string, unknown> {
  return { event: 'deployforge.release', text: announcementHeadline(doc), table: announcementTable(doc), status: doc };
}
