import { CommanderError } from 'commander';
import { describe, expect, test } from 'vitest';
import type { CliIo } from '../../packages/cli/src/cli-io.js';
import { createProgram } from '../../packages/cli/src/program.js';

/**
 * `--help` fits an 80-column terminal, as `plan` does (plan-columns.test.ts). Commander wraps the
 * options and the description itself; the text after them (environment, exit codes) is ours and is
 * printed as written, so a line written longer than 80 breaks mid-word in a terminal or a CI log.
 */
async function helpOf(command: string): Promise<string> {
  const out: string[] = [];
  const io: CliIo = { stdout: (t) => { out.push(t); }, stderr: (t) => { out.push(t); }, cwd: process.cwd(), env: {}, isTTY: false };
  const { program } = createProgram(io);
  // Commander's own part at the width it uses when stdout is not a terminal, wherever this runs.
  for (const c of [program, ...program.commands]) c.configureHelp({ helpWidth: 80 });
  try {
    await program.parseAsync([command, '--help'], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError) || error.exitCode !== 0) throw error;
  }
  return out.join('');
}

const commands = createProgram({ stdout: () => {}, stderr: () => {}, cwd: process.cwd(), env: {}, isTTY: false })
  .program.commands.map((c) => c.name()).filter((n) => n !== 'help');

describe('every command\'s --help fits 80 columns', () => {
  test('there are commands to check', () => {
    expect(commands.length).toBeGreaterThanOrEqual(14);
  });

  test.each(commands.map((c) => [c]))('deployforge %s --help', async (command) => {
    const help = await helpOf(command);
    expect(help).toContain(`Usage: deployforge ${command}`);
    const long = help.split('\n').filter((line) => line.length > 80);
    expect(long, `lines of \`deployforge ${command} --help\` longer than 80 columns`).toEqual([]);
  });
});
