#!/usr/bin/env node
// Generates docs/configuration.md, the deployforge.yml reference, from schema/deployforge.schema.json.
//   node scripts/gen-config-docs.mjs          write the file
//   node scripts/gen-config-docs.mjs --check  write nothing; exit 1 if the committed file is stale
// Every word of the reference comes from the schema (descriptions, defaults, examples, x-expected),
// so the docs cannot drift from what validation accepts.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_PATH = `${root}schema/deployforge.schema.json`;
export const DOCS_PATH = `${root}docs/configuration.md`;

const HEADER = `<!-- Generated from schema/deployforge.schema.json by scripts/gen-config-docs.mjs. Do not edit.
     Regenerate with: node scripts/gen-config-docs.mjs -->`;

/** Follow `$ref`s (local only: the schema is one file) and merge the referring node's own annotations over them. */
function resolve(schema, node) {
  if (!node || typeof node !== 'object' || !node.$ref) return node;
  const target = node.$ref.replace(/^#\//, '').split('/').reduce((at, key) => at[key], schema);
  const { $ref: _ref, ...own } = node;
  return { ...resolve(schema, target), ...own };
}

function typeOf(schema, raw) {
  const node = resolve(schema, raw);
  if (node.enum) return node.enum.map((v) => `\`${v}\``).join(' | ');
  const types = (Array.isArray(node.type) ? node.type : [node.type]).filter((t) => t && t !== 'null');
  return types
    .map((t) => {
      if (t === 'array') return `list of ${typeOf(schema, node.items ?? {})}`;
      if (t === 'object' && node.patternProperties) {
        const [value] = Object.values(node.patternProperties);
        return `mapping of name → ${typeOf(schema, value)}`;
      }
      if (t === 'object') return 'mapping';
      if (t === 'integer') return 'whole number';
      return t;
    })
    .join(' or ');
}

function yamlInline(value) {
  return `\`${stringify(value, { flow: true, lineWidth: 0 }).trim()}\``;
}

function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** One table row per key of an object schema, in schema order. */
function keyTable(schema, objectNode) {
  const node = resolve(schema, objectNode);
  const required = new Set(node.required ?? []);
  const rows = ['| Key | Type | Default | Description |', '|---|---|---|---|'];
  for (const [key, raw] of Object.entries(node.properties ?? {})) {
    const prop = resolve(schema, raw);
    const fallback = 'default' in prop ? yamlInline(prop.default) : required.has(key) ? '**required**' : '—';
    let description = prop.description ?? '';
    if (prop['x-expected']) description += ` Accepts ${prop['x-expected']}.`;
    if (prop.items && resolve(schema, prop.items)['x-expected']) description += ` Each entry: ${resolve(schema, prop.items)['x-expected']}.`;
    rows.push(`| \`${key}\` | ${cell(typeOf(schema, prop))} | ${cell(fallback)} | ${cell(description.trim())} |`);
  }
  return rows.join('\n');
}

/** An example block made of each key's first example (or, failing that, its default). */
function exampleFor(schema, objectNode) {
  const node = resolve(schema, objectNode);
  const example = {};
  for (const [key, raw] of Object.entries(node.properties ?? {})) {
    const prop = resolve(schema, raw);
    if (prop.examples?.length) example[key] = prop.examples[0];
    else if ('default' in prop) example[key] = prop.default;
  }
  return example;
}

function yamlBlock(value) {
  return ['```yaml', stringify(value, { lineWidth: 0 }).trimEnd(), '```'].join('\n');
}

function section(schema, title, path, objectNode) {
  const node = resolve(schema, objectNode);
  const example = path.reduceRight((inner, key) => ({ [key]: inner }), exampleFor(schema, node));
  return [`### \`${title}\``, '', node.description ?? '', '', keyTable(schema, node), '', yamlBlock(example), ''].join('\n');
}

export function renderConfigDocs(schema) {
  const top = schema.properties;
  const out = [HEADER, '', '# `deployforge.yml` reference', '', schema.description, ''];
  out.push(
    'The file lives at the repository root (`--config` points elsewhere). Editors that understand JSON Schema',
    'give completion and checks with this first line:',
    '',
    '```yaml',
    '# yaml-language-server: $schema=https://raw.githubusercontent.com/<owner>/deployforge/main/schema/deployforge.schema.json',
    '```',
    '',
    'Unknown keys are errors (with a "did you mean" suggestion), every problem is reported with its line and column, and',
    'no value may contain a GitHub expression (`${{ … }}`): values reach the generated workflow through `env:`, never',
    'as text pasted into it.',
    '',
    // The numbers are packages/config/src/config-limits.ts; a test there checks this text names each one.
    '## Limits',
    '',
    'A config that would break one of GitHub\'s limits is refused by `validate`, `plan` and `generate` (exit 2, naming',
    'the limit), instead of being cancelled by GitHub after the tag is pushed:',
    '',
    '- at most 256 jobs in one workflow run: plan, one build job per target, sign (when signing), release, one publish',
    '  job per platform and per `platforms.custom` entry, one credential check per environment (other than the plan',
    '  job\'s) that holds a required platform, and summarize;',
    '- at most 256 combinations in one job\'s matrix (the build matrix has one per target);',
    '- a workflow file of at most 500,000 bytes (GitHub: 500 KB; checked by `generate`, which renders it).',
    '',
    'And bounds of our own, so that hostile or runaway input is refused quickly:',
    '',
    '- the file is at most 1,048,576 bytes (1 MiB);',
    '- aliases (`*name`) may expand to at most 10,000 values in all; an alias inside the node it names (a cycle) is an error;',
    '- `build.files` lists at most 200 files, and `platforms.custom` at most 240 entries.',
    '',
    '## Top-level keys',
    '',
    keyTable(schema, schema),
    '',
    '## Sections',
    '',
  );
  for (const key of ['project', 'version', 'build', 'release', 'workflow', 'status']) {
    out.push(section(schema, key, [key], top[key]));
  }
  const requiredNode = resolve(schema, top.required);
  out.push('### `required`', '', requiredNode.description, '', `Type: ${typeOf(schema, requiredNode)}. Default: ${yamlInline(requiredNode.default)}.`, '', yamlBlock({ required: requiredNode.examples[0] }), '');

  out.push('## Platforms', '', resolve(schema, top.platforms).description, '');
  const ids = Object.keys(resolve(schema, top.platforms).properties);
  out.push(ids.map((id) => `[\`${id}\`](#platforms${id.replace(/[^a-z0-9-]/g, '')})`).join(' · '), '');
  for (const id of ids) {
    const block = resolve(schema, top.platforms.properties[id]);
    if (block.patternProperties) {
      const [namePattern, entry] = Object.entries(block.patternProperties)[0];
      const command = resolve(schema, entry);
      out.push(
        `### \`platforms.${id}\``,
        '',
        block.description,
        '',
        `Each key is a name you choose (${block['x-name-pattern-expected']}, matching \`${namePattern}\`); each value is:`,
        '',
        keyTable(schema, command),
        '',
        yamlBlock({ platforms: { [id]: { 'docs-site': exampleFor(schema, command) } } }),
        '',
      );
      continue;
    }
    out.push(section(schema, `platforms.${id}`, ['platforms', id], block));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

async function main() {
  const schema = JSON.parse(await readFile(SCHEMA_PATH, 'utf8'));
  const fresh = renderConfigDocs(schema);
  if (process.argv.includes('--check')) {
    const committed = await readFile(DOCS_PATH, 'utf8').catch(() => '');
    if (committed !== fresh) {
      console.error('docs/configuration.md is stale. Fix: node scripts/gen-config-docs.mjs');
      process.exit(1);
    }
    return;
  }
  await writeFile(DOCS_PATH, fresh);
  console.log('wrote docs/configuration.md');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
