import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './repo-root.js';
import { testServices } from './services.js';

export { repoRoot };

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Parse the runner's GITHUB_OUTPUT file: `name=value` lines or heredoc blocks
 * (`name<<DELIM` … `DELIM`), which is how @actions/core writes every value.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc as unknown as [string, string, string];
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) body.push(lines[i] ?? '');
      out[name] = body.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/** The Node 24 binary the actions run on in GitHub (installed by scripts/test-services). */
export function node24(): string {
  const path = testServices().DEPLOYFORGE_NODE24;
  if (!path) throw new Error('DEPLOYFORGE_NODE24 is not set: run `bash scripts/test-services up`');
  return path;
}

/**
 * Run a committed action bundle as the runner does: a child process under node24 with
 * `INPUT_*` variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, in a given workspace.
 */
export async function runActionBundle(
  name: string,
  options: { inputs: Record<string, string>; cwd: string; env?: Record<string, string>; node?: string },
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), `df-action-${name}-`));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: options.cwd,
    RUNNER_TEMP: dir,
    ...options.env,
  };
  for (const [k, v] of Object.entries(options.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(options.node ?? node24(), [join(repoRoot, 'dist/actions', `${name}.js`)], { cwd: options.cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { code, stdout, stderr, outputs: parseOutputFile(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
}
