import type { Command } from 'commander';
import type { GpgCheck, SignatureChecks } from '@deployforge/runner';
import type { CliIo } from '../cli-io.js';
import { createCliLogger } from '../cli-logger.js';
import { EXIT_BAD_INPUT, EXIT_FINDINGS } from '../exit-codes.js';
import { formatTable } from '../format-table.js';
import { configOption, type CommandContext } from '../command-context.js';

// The runner (builds, uploads, every platform's client) loads when this command runs, not when the
// CLI starts: `validate`, `plan` and `generate` never need it (issue 20).
const runner = () => import('@deployforge/runner');

interface VerifyFlags {
  config: string;
  asset?: string;
  gpgKey?: string;
}

/** Quote a word for a shell only when it needs it, so the printed command can be pasted. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const shellCommand = (words: readonly string[]) => words.map(shellWord).join(' ');

/** One line per state; a check nobody can make here is a warning with the way to make it, not a failure. */
function reportGpg(io: CliIo, gpg: GpgCheck): void {
  switch (gpg.state) {
    case 'good': {
      const who = `${gpg.uid ? `${gpg.uid}, ` : ''}key ${gpg.fingerprint}`;
      const source = gpg.keySource === 'file' ? ' (the key given with --gpg-key)' : '';
      io.stdout(`SHA256SUMS.asc: good signature by ${who}${source}\n`);
      if (gpg.keySource === 'keyring' && !gpg.certified) {
        io.stderr(`warning: SHA256SUMS.asc: the key ${gpg.fingerprint} is in your keyring but not certified as trusted; compare its fingerprint with the one the project publishes\n`);
      }
      if (gpg.expiredKey) io.stderr(`warning: SHA256SUMS.asc: the signing key ${gpg.fingerprint} has expired since\n`);
      return;
    }
    case 'bad':
      return; // reported as the reason SHA256SUMS was rejected
    case 'no-public-key':
      io.stderr(
        `warning: SHA256SUMS.asc: signed by key ${gpg.keyId}, which is not in your keyring, so the signature was NOT checked; `
        + `import the signer's public key (gpg --import KEY.asc) or pass it with --gpg-key KEY.asc\n`,
      );
      return;
    case 'no-gpg':
      io.stderr(`warning: SHA256SUMS.asc: gpg is not installed, so the signature was NOT checked; check it by hand with the signer's public key imported: ${shellCommand(gpg.command)}\n`);
      return;
  }
}

function reportSignatures(io: CliIo, signatures: SignatureChecks): void {
  if (signatures.gpg) reportGpg(io, signatures.gpg);
  const sigstore = signatures.sigstore;
  if (sigstore) {
    const command = shellCommand(sigstore.command);
    if (sigstore.exitCode === undefined) io.stdout(`sigstore: ${command}\n`);
    else io.stdout(`sigstore: ${command}: ${sigstore.exitCode === 0 ? 'verified' : `failed (exit ${sigstore.exitCode})${sigstore.output ? `\n${sigstore.output}` : ''}`}\n`);
  }
}

export function registerVerify(program: Command, ctx: CommandContext): Command {
  return configOption(program.command('verify'))
    .description("verify a release: SHA256SUMS against its signatures (gpg, cosign), the assets against SHA256SUMS, their provenance (gh)")
    .argument('<version>', 'the released version (1.2.3 or v1.2.3)')
    .option('--asset <file>', 'a downloaded file to check (default: download and check every file SHA256SUMS lists)')
    .option('--gpg-key <file>', "the signer's armored OpenPGP public key: SHA256SUMS.asc must be signed by it (default: your own gpg keyring)")
    .addHelpText('after', [
      '',
      'Exit codes: 0 every file matches, 1 a mismatch, a bad signature or a failed',
      'attestation, 2 bad input or no published release of that version.',
      'A signature that cannot be checked here (no public key, gpg or cosign not',
      'installed) is a warning that says how to check it.',
    ].join('\n'))
    .action(async (version: string, flags: VerifyFlags) => {
      const result = await (await runner()).runVerify({
        configPath: flags.config, version,
        ...(flags.asset ? { asset: flags.asset } : {}),
        ...(flags.gpgKey ? { gpgKey: flags.gpgKey } : {}),
        io: ctx.io, log: createCliLogger(ctx.io),
      });
      if (result.kind === 'no-release') {
        ctx.io.stderr(`no published release ${result.tag} in ${result.repository}\n`);
        ctx.setExitCode(EXIT_BAD_INPUT);
        return;
      }
      reportSignatures(ctx.io, result.signatures);
      if (result.signatures.rejected) {
        ctx.io.stderr(`${result.signatures.rejected}\nSHA256SUMS of ${result.tag} cannot be trusted: no asset was checked against it.\n`);
        ctx.setExitCode(EXIT_FINDINGS);
        return;
      }
      ctx.io.stdout(`${formatTable(['asset', 'result', 'sha256'], result.assets.map((a) => [a.name, a.ok ? 'OK' : 'MISMATCH', a.actual ?? a.expected ?? '']))}\n`);
      for (const asset of result.assets.filter((a) => !a.ok)) ctx.io.stderr(`${asset.detail}\n`);
      for (const check of result.attestations) {
        const command = shellCommand(check.command);
        if (check.exitCode === undefined) ctx.io.stdout(`provenance: ${command}\n`);
        else ctx.io.stdout(`provenance: ${command}: ${check.exitCode === 0 ? 'verified' : `failed (exit ${check.exitCode})${check.output ? `\n${check.output}` : ''}`}\n`);
      }
      if (!result.ok) ctx.setExitCode(EXIT_FINDINGS);
    });
}
