import { describe, expect, test } from 'vitest';
import { SCENARIOS, renderScenario } from './helpers/scenarios.js';

// Config values reach the generated scripts as "$VARIABLES": an image reference, a registry, a
// path. A value that starts with '-' must never become an option of the command it is passed to, so
// every such command ends its options with `--` before the first variable it is given. The schema
// refuses the leading '-' already; this is the second wall, checked on every scenario's workflow.

/** Commands that take paths, registries or references as arguments, and how they are spelled in scripts. */
const COMMANDS = /(?:^|[\s;|&(])((?:cp|mv|rm|ln|mkdir|tar|7z|zip|unzip|git(?:\s+\w[\w-]*)?|docker\s+(?:login|logout|push|pull|tag)|cosign\s+\w+|gh\s+\w+\s+\w+))\s+([^\n]*)/g;

interface Finding {
  job: string;
  step: string;
  line: string;
}

/**
 * Flags of these commands that take the next word as their value. Any other flag is taken for a
 * switch, so a variable after it counts as an argument: strict by default.
 */
const FLAGS_WITH_VALUES = new Set(['--username']);

/** The words of a command's arguments, up to the first shell operator (quotes kept, never split inside). */
function words(args: string): string[] {
  const out: string[] = [];
  // A shell word may join quoted and bare parts (`http.extraheader="$auth"`, `"$site"/.`).
  for (const match of args.matchAll(/(?:"[^"]*"|'[^']*'|[^\s"'])+/g)) {
    const word = match[0];
    if (/^(?:[|;&)<>]|&&|\|\||>>|\d?>.*)$/.test(word)) break;
    out.push(word);
  }
  return out;
}

/**
 * Each call of one of COMMANDS that is given a "$VARIABLE" as an argument (not as the value of the
 * flag just before it, `--username "$USER"`) with no `--` in front of it.
 */
function unterminatedCalls(job: string, step: string, script: string): Finding[] {
  const found: Finding[] = [];
  for (const line of script.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    for (const match of line.matchAll(COMMANDS)) {
      const args = words(match[2] ?? '');
      for (let i = 0; i < args.length; i += 1) {
        const word = args[i]!;
        if (word === '--') break;
        const isFlagValue = i > 0 && FLAGS_WITH_VALUES.has(args[i - 1]!);
        if (word.startsWith('"$') && !isFlagValue) {
          found.push({ job, step, line: line.trim() });
          break;
        }
      }
    }
  }
  return found;
}

describe('generated scripts end options before config values (`--`)', () => {
  test('the audit catches a call without `--`', () => {
    const script = 'cosign sign --yes "$image@$DIGEST"\ncp -- "$A" "$B"\ndocker login --username "$U" --password-stdin -- "$R" > /dev/null\ndocker logout "$R" || true\ngit -c http.extraheader="$auth" push -q -- "$remote"\ncp -R "$site"/. .\n';
    expect(unterminatedCalls('j', 's', script).map((f) => f.line)).toEqual(['cosign sign --yes "$image@$DIGEST"', 'docker logout "$R" || true', 'cp -R "$site"/. .']);
  });

  test.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const { workflow } = await renderScenario(scenario);
    const findings: Finding[] = [];
    for (const [id, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps) {
        if (typeof step.run === 'string') findings.push(...unterminatedCalls(id, step.name ?? '', step.run));
      }
    }
    expect(findings).toEqual([]);
  });
});
