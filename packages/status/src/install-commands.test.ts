import { describe, expect, it } from 'vitest';
import { renderDashboardHtml } from './dashboard-html.js';
import { installCommands } from './install-commands.js';
import type { StatusDocument } from './status-document.js';
import { renderSummaryMarkdown } from './summary-markdown.js';

const BASE = 'https://github.com/acme/shimmy/releases/download/v1.2.3';
const asset = (name: string, url = `${BASE}/${name}`) => ({ name, size: 10, sha256: 'a'.repeat(64), url });

function doc(assets: ReturnType<typeof asset>[]): StatusDocument {
  return {
    project: 'shimmy', version: '1.2.3', 'generated-at': '2026-12-07T12:00:00Z', platforms: {},
    release: { status: 'published', tag: 'v1.2.3', url: `${BASE}`, assets, detail: 'published' },
  };
}

describe('installCommands', () => {
  it('offers curl | sh for install.sh and irm | iex for install.ps1, from their download URLs', () => {
    expect(installCommands([asset('shimmy-1.2.3-linux-x64.tar.gz'), asset('install.sh'), asset('install.ps1')])).toEqual([
      { shell: 'sh', command: `curl -fsSL ${BASE}/install.sh | sh` },
      { shell: 'powershell', command: `irm ${BASE}/install.ps1 | iex` },
    ]);
    expect(installCommands([asset('shimmy-1.2.3-linux-x64.tar.gz')])).toEqual([]);
  });

  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a shell metacharacter', `${BASE}/install.sh;rm -rf ~`],
    ['a quote', `${BASE}/install.sh'`],
    ['a glob', `${BASE}/install.s?`],
    ['a command substitution', `${BASE}/$(id)/install.sh`],
  ])('gives no command for %s in status.json', (_what, url) => {
    expect(installCommands([asset('install.sh', url)])).toEqual([]);
  });
});

describe('the dashboard and the job summary show the install commands', () => {
  const d = doc([asset('install.sh'), asset('install.ps1')]);
  it('dashboard', () => {
    const html = renderDashboardHtml([d]);
    expect(html).toContain(`Install (Linux, macOS): <code>curl -fsSL ${BASE}/install.sh | sh</code>`);
    expect(html).toContain(`Install (Windows): <code>irm ${BASE}/install.ps1 | iex</code>`);
    expect(renderDashboardHtml([doc([asset('x.tar.gz')])])).not.toContain('Install (');
  });
  it('job summary', () => {
    const md = renderSummaryMarkdown(d);
    expect(md).toContain(`Install (Linux, macOS): \`curl -fsSL ${BASE}/install.sh | sh\``);
    expect(md).toContain(`Install (Windows): \`irm ${BASE}/install.ps1 | iex\``);
  });
});
