#!/usr/bin/env -S npx tsx
// Generates actions/<name>/README.md and docs/actions.md from the action.yml files, so the
// documented inputs, defaults and outputs can never drift from what the runner actually reads.
// Usage: npx tsx scripts/gen-action-docs.ts [--check]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, parseDocument } from 'yaml';

const USES_PREFIX = 'deployforge/deployforge';
/**
 * The exact release the examples name (`v` + package.json's version, as DEPLOYFORGE_RELEASE): a copied
 * example then runs the actions whose inputs it documents, and a moving `v0` is a choice the reader
 * makes knowingly (see the "Repository and refs" section).
 */
const USES_REF = `v${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version}`;
const REGENERATE = 'npx tsx scripts/gen-action-docs.ts';

interface ActionInput {
  name: string;
  description: string;
  required: boolean;
  default: string | undefined;
}

interface ActionOutput {
  name: string;
  description: string;
}

export interface ActionDoc {
  /** Folder name under actions/, or '' for the root action. */
  folder: string;
  /** The `uses:` reference a workflow writes. */
  uses: string;
  title: string;
  description: string;
  inputs: ActionInput[];
  outputs: ActionOutput[];
  /** YAML comments inside `outputs:` (build-matrix explains its undeclared outputs there). */
  outputsNote: string;
}

export interface GeneratedFile {
  path: string;
  contents: string;
}

/** Folds YAML block text (`>-` descriptions) to one line so it fits in a table cell. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A Markdown table cell: pipes escaped, no line breaks. */
function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

function readAction(root: string, folder: string): ActionDoc {
  const file = folder === '' ? join(root, 'action.yml') : join(root, 'actions', folder, 'action.yml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}`);
  const data = doc.toJS() as {
    name?: string;
    description?: string;
    inputs?: Record<string, { description?: string; required?: boolean; default?: unknown } | null>;
    outputs?: Record<string, { description?: string } | null>;
  };
  const inputs = Object.entries(data.inputs ?? {}).map(([name, spec]) => ({
    name,
    description: oneLine(spec?.description ?? ''),
    required: spec?.required === true,
    default: spec?.default === undefined ? undefined : String(spec.default),
  }));
  const outputs = Object.entries(data.outputs ?? {}).map(([name, spec]) => ({ name, description: oneLine(spec?.description ?? '') }));
  // Comments are not data, so read them from the syntax tree: the map's trailing comment holds them.
  const outputsNode = doc.get('outputs', true);
  const outputsNote = isMap(outputsNode) ? oneLine(outputsNode.comment ?? '') : '';
  return {
    folder,
    uses: folder === '' ? `${USES_PREFIX}@${USES_REF}` : `${USES_PREFIX}/actions/${folder}@${USES_REF}`,
    title: data.name ?? folder,
    description: oneLine(data.description ?? ''),
    inputs,
    outputs,
    outputsNote,
  };
}

/** The root action and every actions/<name>/action.yml, root first, then by name. */
export function readActions(root: string): ActionDoc[] {
  const folders = readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'actions', entry.name, 'action.yml')))
    .map((entry) => entry.name)
    .sort();
  return [readAction(root, ''), ...folders.map((folder) => readAction(root, folder))];
}

/** A YAML scalar for the usage block: quoted unless it is plainly safe. */
function yamlValue(value: string): string {
  if (value === '') return "''";
  if (/^[A-Za-z0-9_./-]+$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value)) return value;
  if (/^(true|false)$/.test(value)) return `'${value}'`;
  return `'${value.replace(/'/g, "''")}'`;
}

/** Wraps a description into `# ` comment lines of at most ~100 columns. */
function commentLines(text: string, indent: string): string[] {
  const words = text.split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > 92) {
      lines.push(`${indent}# ${line}`);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(`${indent}# ${line}`);
  return lines;
}

/** Credentials come from secrets (`NPM_TOKEN: … Pass it from a secret.`): show exactly that. */
function usageValue(input: ActionInput): string {
  const secret = /^([A-Z][A-Z0-9_]*): .*Pass it from a secret\.$/.exec(input.description);
  if (secret !== null) return `\${{ secrets.${secret[1]} }}`;
  return input.required ? "''" : yamlValue(input.default ?? '');
}

function usageBlock(action: ActionDoc): string[] {
  const lines = ['```yaml', `- uses: ${action.uses}`];
  if (action.inputs.length > 0) {
    lines.push('  with:');
    action.inputs.forEach((input, index) => {
      if (index > 0) lines.push('');
      lines.push(...commentLines(input.description, '    '));
      if (input.required) lines.push('    # Required.');
      else lines.push(`    # Default: ${input.default === undefined || input.default === '' ? "''" : input.default}`);
      lines.push(`    ${input.name}: ${usageValue(input)}`);
    });
  }
  lines.push('```');
  return lines;
}

function inputsTable(action: ActionDoc): string[] {
  if (action.inputs.length === 0) return ['None.'];
  return [
    '| Name | Required | Default | Description |',
    '|---|---|---|---|',
    ...action.inputs.map((i) =>
      `| ${code(i.name)} | ${i.required ? 'yes' : 'no'} | ${i.default === undefined ? '—' : i.default === '' ? "`''`" : code(i.default)} | ${cell(i.description)} |`),
  ];
}

function outputsTable(action: ActionDoc): string[] {
  if (action.outputs.length === 0) return ['None.'];
  const table = [
    '| Name | Description |',
    '|---|---|',
    ...action.outputs.map((o) => `| ${code(o.name)} | ${cell(o.description)} |`),
  ];
  if (action.outputsNote !== '') table.push('', action.outputsNote);
  return table;
}

function header(source: string): string[] {
  return [
    `<!-- Generated from ${source} by scripts/gen-action-docs.ts. Do not edit.`,
    `     Regenerate with: ${REGENERATE} -->`,
    '',
  ];
}

/** The platform page a publish action belongs to, when one exists. */
function platformOf(action: ActionDoc): string | undefined {
  const match = /^publish-(.+)$/.exec(action.folder);
  return match?.[1];
}

function actionReadme(root: string, action: ActionDoc): string {
  const platform = platformOf(action);
  const guide = platform !== undefined && existsSync(join(root, 'docs', 'platforms', `${platform}.md`))
    ? [`Platform guide (credentials, first-time setup, limits): [docs/platforms/${platform}.md](../../docs/platforms/${platform}.md).`, '']
    : [];
  return [
    ...header(`actions/${action.folder}/action.yml`),
    `# ${action.folder}`,
    '',
    action.description,
    '',
    ...guide,
    'All actions: [docs/actions.md](../../docs/actions.md). Ways to use them: [docs/usage.md](../../docs/usage.md).',
    '',
    '## Usage',
    '',
    ...usageBlock(action),
    '',
    '## Inputs',
    '',
    ...inputsTable(action),
    '',
    '## Outputs',
    '',
    ...outputsTable(action),
    '',
  ].join('\n');
}

/** Where `uses:` resolves: the repository, the action folders, and the refs a workflow can name. */
function refsSection(): string[] {
  const major = USES_REF.split('.')[0]!;
  const minor = USES_REF.split('.').slice(0, 2).join('.');
  return [
    '## Repository and refs',
    '',
    `Every action lives in the repository \`${USES_PREFIX}\`: the root action at its top (\`${USES_PREFIX}@<ref>\`),`,
    `the others under \`actions/<name>/\` (\`${USES_PREFIX}/actions/<name>@<ref>\`). Each \`action.yml\` runs`,
    'a bundle under `dist/` of the same commit, so any ref below brings its own code: nothing is installed',
    'at run time. The refs a workflow can name, most pinned first:',
    '',
    '| ref | example | moves? | use it when |',
    '|---|---|---|---|',
    `| a commit SHA | \`${USES_PREFIX}/actions/build-matrix@<40 hex digits> # ${USES_REF}\` | never | always, if you can: \`deployforge generate\` writes this form (it asks git where the release tag points) and Dependabot or Renovate update it with its comment |`,
    `| a release tag | \`${USES_PREFIX}/actions/build-matrix@${USES_REF}\` | no: DeployForge never moves a release tag (only the two below move) | the starter workflows, and wherever a SHA cannot be resolved (generate offline) |`,
    `| a minor tag | \`@${minor}\` | forward, to each fix release of ${minor} | you want fixes without editing the workflow |`,
    `| a major tag | \`@${major}\` | forward, to each release of ${major} | you want every compatible release |`,
    '',
    'The minor and major tags are moved by DeployForge\'s own release, with its `github-action` platform:',
    'after the release is published, never backwards (a fix to an older minor moves only that minor\'s tag).',
    'A generated workflow\'s actions and the `deployforge` CLI that generated it are the same release; to',
    'upgrade, run the newer CLI\'s `generate` (see the README\'s Install section).',
  ];
}

function actionsIndex(actions: ActionDoc[]): string {
  const rootAction = actions.find((a) => a.folder === '');
  const folders = actions.filter((a) => a.folder !== '');
  const out = [
    ...header('action.yml and actions/*/action.yml'),
    '# Actions',
    '',
    'Every action runs on `node24` from the committed bundles in `dist/`. Inputs are kebab-case and every',
    'boolean input has a default. How to combine them in a workflow: [usage.md](usage.md).',
    '',
    ...refsSection(),
    '',
    '| Action | `uses:` | What it does |',
    '|---|---|---|',
    ...folders.map((a) => `| [${a.folder}](../actions/${a.folder}/README.md) | ${code(a.uses)} | ${cell(a.description)} |`),
  ];
  if (rootAction !== undefined) {
    out.push(
      `| [root action](#root-action) | ${code(rootAction.uses)} | ${cell(rootAction.description)} |`,
      '',
      '## Root action',
      '',
      rootAction.description,
      '',
      '### Usage',
      '',
      ...usageBlock(rootAction),
      '',
      '### Inputs',
      '',
      ...inputsTable(rootAction),
      '',
      '### Outputs',
      '',
      ...outputsTable(rootAction),
    );
  }
  out.push('');
  return out.join('\n');
}

/** Every generated documentation file, as (path, contents), for the script and its freshness test. */
export function renderActionDocs(root: string): GeneratedFile[] {
  const actions = readActions(root);
  return [
    ...actions.filter((a) => a.folder !== '').map((a) => ({ path: `actions/${a.folder}/README.md`, contents: actionReadme(root, a) })),
    { path: 'docs/actions.md', contents: actionsIndex(actions) },
  ];
}

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const file of renderActionDocs(root)) {
    const path = join(root, file.path);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === file.contents) continue;
    stale++;
    if (check) {
      console.error(`stale: ${file.path}`);
      continue;
    }
    writeFileSync(path, file.contents);
    console.log(`wrote ${file.path}`);
  }
  if (check && stale > 0) {
    console.error(`${stale} generated action doc(s) are stale. Fix: ${REGENERATE}`);
    process.exit(1);
  }
}

// Only when run as a script: the freshness test imports renderActionDocs without side effects.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
