import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { CliIo } from '../../packages/cli/src/cli-io.js';
import { createProgram } from '../../packages/cli/src/program.js';
import { CommanderError } from 'commander';

const root = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(`${root}docs/cli.md`, 'utf8');

function captureIo(out: string[]): CliIo {
  return { stdout: (t) => out.push(t), stderr: (t) => out.push(t), cwd: root, env: {}, isTTY: false };
}

/**
 * The help text as `deployforge <command> --help` prints it when stdout is not a terminal. Commander
 * wraps at the terminal's width otherwise, so the width is pinned to its non-terminal default (80):
 * the test must not depend on where it runs.
 */
async function helpOf(command: string | undefined): Promise<string> {
  const out: string[] = [];
  const { program } = createProgram(captureIo(out));
  for (const c of [program, ...program.commands]) c.configureHelp({ helpWidth: 80 });
  try {
    await program.parseAsync(command === undefined ? ['--help'] : [command, '--help'], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError) || error.exitCode !== 0) throw error;
  }
  return out.join('').replace(/\n+$/, '');
}

const commands = createProgram(captureIo([])).program.commands.map((c) => c.name()).filter((n) => n !== 'help');

describe('docs/cli.md', () => {
  test('the CLI has the commands the docs expect', () => {
    expect(commands.length).toBeGreaterThanOrEqual(13);
  });

  test.each([['deployforge', undefined], ...commands.map((c) => [`deployforge ${c}`, c])] as [string, string | undefined][])(
    '%s --help is quoted verbatim',
    async (_title, command) => {
      const help = await helpOf(command);
      expect(doc, `docs/cli.md is missing the current help of ${_title}. Fix: paste the output of \`node bin/deployforge.js ${command ?? ''} --help\``)
        .toContain(`\`\`\`text\n${help}\n\`\`\``);
    },
  );

  test.each(commands.map((c) => [c]))('%s has a section and a row in the exit code table', (command) => {
    expect(doc).toContain(`## \`deployforge ${command}\``);
    expect(doc).toContain(`| [\`${command}\`](#deployforge-${command}) |`);
  });
});
