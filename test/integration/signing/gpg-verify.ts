import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The outcome of a real `gpg --verify` / `gpgv` run. */
export interface GpgRun {
  status: number | null;
  /** `--status-fd` lines (machine-readable: GOODSIG, VALIDSIG, BADSIG …). */
  statusLines: string[];
  stderr: string;
}

/**
 * A throwaway GnuPG home holding only the public keys a test imports: the signatures are checked by
 * the real gpg and gpgv, not by the library that made them.
 */
export class TempGnupgHome {
  readonly home: string;

  constructor(root: string) {
    this.home = join(root, 'gnupg');
    mkdirSync(this.home, { recursive: true, mode: 0o700 });
  }

  /** Stop the gpg-agent that gpg started for this home (it outlives the test otherwise). */
  close(): void {
    spawnSync('gpgconf', ['--homedir', this.home, '--kill', 'gpg-agent']);
  }

  importPublicKey(armoredPublicKey: string): void {
    const run = this.gpg(['--import'], armoredPublicKey);
    if (run.status !== 0) throw new Error(`gpg --import failed: ${run.stderr}`);
  }

  /** `gpg --verify sig file`. */
  verify(signatureFile: string, file: string): GpgRun {
    return this.gpg(['--verify', signatureFile, file]);
  }

  /** `gpgv --keyring <exported public keys> sig file`: the minimal verifier package managers use. */
  verifyWithGpgv(signatureFile: string, file: string): GpgRun {
    const keyring = join(this.home, 'trusted.gpg');
    const exported = spawnSync('gpg', ['--homedir', this.home, '--batch', '--export'], { encoding: 'buffer' });
    writeFileSync(keyring, exported.stdout);
    return toRun(
      spawnSync('gpgv', ['--homedir', this.home, '--status-fd', '1', '--keyring', keyring, signatureFile, file], {
        encoding: 'utf8',
      }),
    );
  }

  /** The fingerprints gpg itself computes for the imported keys (primary keys only). */
  fingerprints(): string[] {
    const run = spawnSync('gpg', ['--homedir', this.home, '--batch', '--with-colons', '--list-keys'], { encoding: 'utf8' });
    const lines = run.stdout.split('\n');
    const result: string[] = [];
    lines.forEach((line, index) => {
      if (line.startsWith('pub:')) {
        const fpr = lines[index + 1];
        if (fpr?.startsWith('fpr:')) result.push(fpr.split(':')[9] ?? '');
      }
    });
    return result;
  }

  private gpg(args: string[], input?: string): GpgRun {
    return toRun(
      spawnSync('gpg', ['--homedir', this.home, '--batch', '--no-tty', '--status-fd', '1', ...args], {
        encoding: 'utf8',
        input,
      }),
    );
  }
}

function toRun(result: { status: number | null; stdout: string; stderr: string }): GpgRun {
  return {
    status: result.status,
    statusLines: result.stdout.split('\n').filter((line) => line.startsWith('[GNUPG:] ')),
    stderr: result.stderr,
  };
}

/** The hash algorithm id in a VALIDSIG status line (RFC 4880 ids: 8 SHA-256, 9 SHA-384, 10 SHA-512). */
export function validSigHashAlgorithm(run: GpgRun): number | undefined {
  const line = run.statusLines.find((l) => l.startsWith('[GNUPG:] VALIDSIG '));
  const field = line?.split(' ')[9];
  return field === undefined ? undefined : Number(field);
}
