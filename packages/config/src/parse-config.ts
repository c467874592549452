import { ConfigurationError, describeValue, type Diagnostic } from '@deployforge/diagnostics';
import { SPOKE_IDS, type SpokeId } from '@deployforge/catalog';
import { schemaDiagnostics } from './ajv-messages.js';
import { configValidator } from './config-schema.js';
import type { DeployforgeConfig } from './config-types.generated.js';
import { limitDiagnostics } from './config-limit-checks.js';
import { MAX_CONFIG_BYTES } from './config-limits.js';
import { applyDerivedDefaults } from './derived-defaults.js';
import { formatPath, NodeLocator, type ConfigPath, type Position } from './locate-node.js';
import { parseYaml } from './parse-yaml.js';
import { expressionDiagnostics, semanticDiagnostics } from './semantic-checks.js';
import { yamlToData } from './yaml-to-data.js';

/** A validated deployforge.yml, with schema defaults applied and a way back to positions in the file. */
export interface LoadedConfig {
  /** The file name used in diagnostics (as given, not resolved). */
  file: string;
  config: DeployforgeConfig;
  /** Platforms whose block is present, in catalog order (SPOKE_IDS). */
  enabledPlatforms: SpokeId[];
  /** Line and column of a key path, for later diagnostics (plan, doctor) that point into the config. */
  locate(path: readonly (string | number)[]): Position;
}

/**
 * Parse and validate the text of a deployforge.yml. Throws one ConfigurationError that carries
 * every problem found (YAML syntax, schema, cross-field rules), sorted by position.
 */
export function parseConfig(text: string, file: string): LoadedConfig {
  checkConfigSize(Buffer.byteLength(text, 'utf8'), file);
  const { doc, lineCounter, diagnostics: yamlProblems } = parseYaml(text, file);
  const locator = new NodeLocator(doc, lineCounter);
  const locate = (path: readonly (string | number)[]): Position => locator.valueAt(path);
  // After a syntax error the tree is a guess; validating it would pile up misleading errors.
  if (yamlProblems.length > 0) throw ConfigurationError.fromDiagnostics(yamlProblems);

  let data: unknown;
  let expressionPaths: ConfigPath[];
  try {
    ({ data, expressions: expressionPaths } = yamlToData(doc));
  } catch (error) {
    // Alias bombs and other structural refusals from yaml: the user's file, the user's fix.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw fail(file, [], `the YAML could not be read: ${reason}`);
  }
  if (data === null || data === undefined) {
    throw fail(file, [], 'the file is empty: it needs at least `project:` with a `name:` (run `deployforge init` to write a starter file)');
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw fail(file, [], `expected a mapping of settings (project:, build:, platforms: …) at the top level, got ${describeValue(data)}`);
  }
  const config = data as Record<string, unknown>;
  normalizeEmptyBlocks(config);

  const expressions = expressionPaths.map((path) => ({ path }));
  const diagnostics: Diagnostic[] = expressionDiagnostics(expressions, locator, file);
  const validate = configValidator();
  if (!validate(config)) {
    const skip = new Set(expressions.map((e) => formatPath(e.path)));
    diagnostics.push(...schemaDiagnostics(validate.errors ?? [], locator, file, skip));
  }
  diagnostics.push(...semanticDiagnostics(config, locator, file));
  diagnostics.push(...limitDiagnostics(config, locator, file));
  if (diagnostics.length > 0) throw ConfigurationError.fromDiagnostics(diagnostics);

  const typed = config as unknown as DeployforgeConfig;
  applyDerivedDefaults(typed);
  const platforms = (typed.platforms ?? {}) as Record<string, unknown>;
  // `pypi.mode: skip` keeps the block (the choice is written down) but publishes nothing there.
  const skipped = (id: string) => id === 'pypi' && (platforms.pypi as { mode?: string } | null | undefined)?.mode === 'skip';
  const enabledPlatforms = SPOKE_IDS.filter((id) => id in platforms && !skipped(id));
  return { file, config: typed, enabledPlatforms, locate };

  function fail(f: string, path: ConfigPath, message: string): ConfigurationError {
    const where = locator.valueAt(path);
    return ConfigurationError.fromDiagnostics([{ file: f, line: where.line, column: where.column, path: formatPath(path), message }]);
  }
}

/**
 * A config is a few kilobytes; one of megabytes is a mistake (a generated or wrong file) or an attack,
 * and refusing it before parsing keeps every later step's time and memory bounded.
 */
export function checkConfigSize(bytes: number, file: string): void {
  if (bytes <= MAX_CONFIG_BYTES) return;
  throw ConfigurationError.fromDiagnostics([{
    file, line: 1, column: 1, path: '',
    message: `the file is ${bytes.toLocaleString('en-US')} bytes; a deployforge.yml may be at most ${MAX_CONFIG_BYTES.toLocaleString('en-US')} bytes (1 MiB)`,
  }]);
}

/**
 * `npm:` with nothing after it is YAML null; it means "on, with defaults". Turning it into `{}`
 * before validation lets ajv fill that block's defaults like any other.
 */
function normalizeEmptyBlocks(config: Record<string, unknown>): void {
  if (config.platforms === null) config.platforms = {};
  const platforms = config.platforms;
  if (platforms === null || typeof platforms !== 'object' || Array.isArray(platforms)) return;
  const blocks = platforms as Record<string, unknown>;
  for (const id of Object.keys(blocks)) {
    if (blocks[id] === null) blocks[id] = {};
  }
}
