import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { MANIFEST_VERSION } from './winget-package.js';

// ajv-formats is CommonJS; under ESM its default export can arrive wrapped one level deep.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** The official winget-cli JSON schemas for our ManifestVersion (shared copies, see schemas/README.md). */
const SCHEMA_DIR = '/work/shared/schemas/winget';

let validators: Record<string, ValidateFunction> | undefined;

function load(): Record<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // An OpenAPI-ish format winget's schema uses for 64-bit return codes: a documentation hint, not a check.
  ajv.addFormat('long', true);
  const compile = (kind: string): ValidateFunction =>
    ajv.compile(JSON.parse(readFileSync(`${SCHEMA_DIR}/manifest.${kind}.${MANIFEST_VERSION}.json`, 'utf8')) as object);
  return { version: compile('version'), installer: compile('installer'), defaultLocale: compile('defaultLocale') };
}

/**
 * Test helper: the problems the winget schema finds in a manifest file (by its ManifestType), and
 * whether the yaml-language-server header names the same schema version.
 */
export function wingetManifestProblems(text: string): string[] {
  validators ??= load();
  const doc = parse(text) as Record<string, unknown>;
  const kind = String(doc.ManifestType);
  const validate = validators[kind];
  if (!validate) return [`unknown ManifestType ${kind}`];
  const problems = validate(doc) ? [] : (validate.errors ?? []).map((e) => `${kind}${e.instancePath} ${e.message ?? e.keyword}`);
  const header = /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/winget-manifest\.(\w+)\.(\d+\.\d+\.\d+)\.schema\.json$/m.exec(text);
  if (!header || header[1]?.toLowerCase() !== kind.toLowerCase() || header[2] !== MANIFEST_VERSION) problems.push(`${kind}: missing or wrong yaml-language-server schema header`);
  return problems;
}
