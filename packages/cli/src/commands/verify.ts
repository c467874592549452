import type { Command } from 'commander';
import { runVerify } from '@deployforge/runner';
import { createCliLogger } from '../cli-logger.js';
import { EXIT_BAD_INPUT, EXIT_FINDINGS } from '../exit-codes.js';
import { formatTable } from '../format-table.js';
import { configOption, type CommandContext } from '../program.js';

interface VerifyFlags {
  config: string;
  asset?: string;
}

/** Quote a word for a shell only when it needs it, so the printed command can be pasted. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function registerVerify(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('verify'))
    .description("check release assets against the release's SHA256SUMS, and their provenance with gh when it is installed")
    .argument('<version>', 'the released version (1.2.3 or v1.2.3)')
    .option('--asset <file>', 'a downloaded file to check (default: download and check every file SHA256SUMS lists)')
    .addHelpText('after', '\nExit codes: 0 every file matches, 1 a mismatch (or a failed attestation), 2 bad input or no published release of that version.')
    .action(async (version: string, flags: VerifyFlags) => {
      const result = await runVerify({
        configPath: flags.config, version, ...(flags.asset ? { asset: flags.asset } : {}), io: ctx.io, log: createCliLogger(ctx.io),
      });
      if (result.kind === 'no-release') {
        ctx.io.stderr(`no published release ${result.tag} in ${result.repository}\n`);
        ctx.setExitCode(EXIT_BAD_INPUT);
        return;
      }
      ctx.io.stdout(`${formatTable(['asset', 'result', 'sha256'], result.assets.map((a) => [a.name, a.ok ? 'OK' : 'MISMATCH', a.actual ?? a.expected ?? '']))}\n`);
      for (const asset of result.assets.filter((a) => !a.ok)) ctx.io.stderr(`${asset.detail}\n`);
      for (const check of result.attestations) {
        const command = check.command.map(shellWord).join(' ');
        if (check.exitCode === undefined) ctx.io.stdout(`provenance: ${command}\n`);
        else ctx.io.stdout(`provenance: ${command}: ${check.exitCode === 0 ? 'verified' : `failed (exit ${check.exitCode})${check.output ? `\n${check.output}` : ''}`}\n`);
      }
      if (!result.ok) ctx.setExitCode(EXIT_FINDINGS);
    });
}
