import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError, errorMessage } from '@deployforge/diagnostics';
import { SHA256SUMS_GPG_NAME, SHA256SUMS_NAME } from '@deployforge/github';
import { findOnPath, runTool, type ToolEnv } from './verify-tool.js';

/** What gpg said about `SHA256SUMS.asc` over `SHA256SUMS`. */
export type GpgCheck =
  | {
      state: 'good';
      /** The primary key's fingerprint, the thing a user compares with what the project publishes. */
      fingerprint: string;
      uid?: string;
      /** `file`: the key given with --gpg-key and nothing else; `keyring`: the user's own keyring. */
      keySource: 'file' | 'keyring';
      /** The user's keyring vouches for the key (full or ultimate trust); false means "a key", not "their key". */
      certified: boolean;
      /** Good signature, but the key has expired since. */
      expiredKey: boolean;
    }
  | { state: 'bad'; detail: string }
  | { state: 'no-public-key'; keyId: string }
  | { state: 'no-gpg'; command: string[] };

export interface GpgVerifyOptions {
  /** Paths of the downloaded SHA256SUMS and SHA256SUMS.asc. */
  sums: string;
  signature: string;
  /** An armored public key file (--gpg-key): then only this key counts, the user's keyring is not read. */
  gpgKey?: string;
  /** A private scratch folder for the throwaway keyring. */
  work: string;
  env: ToolEnv;
}

/** `[GNUPG:] KEYWORD args…` lines of --status-fd, first occurrence of each keyword. */
function statusLines(stdout: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const match = /^\[GNUPG:\] (\S+) ?(.*)$/.exec(line.trimEnd());
    if (match && !lines.has(match[1]!)) lines.set(match[1]!, match[2]!);
  }
  return lines;
}

/** The `--gpg-key` file, checked before gpg sees it: a user error says so with exit 2. */
export async function readPublicKeyFile(file: string): Promise<void> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new ConfigurationError(`--gpg-key: cannot read ${file}: ${errorMessage(error)}`);
  });
  // A private key must not be fed to a keyring we then delete, nor be needed at all: say what to pass.
  if (text.includes('-----BEGIN PGP PRIVATE KEY BLOCK-----')) {
    throw new ConfigurationError(`--gpg-key: ${file} holds a private key; pass the signer's public key instead (gpg --armor --export <key id>)`);
  }
  if (!text.includes('-----BEGIN PGP PUBLIC KEY BLOCK-----')) {
    throw new ConfigurationError(`--gpg-key: ${file} is not an ASCII-armored OpenPGP public key (expected a "-----BEGIN PGP PUBLIC KEY BLOCK-----" file)`);
  }
}

/**
 * A keyring holding only the --gpg-key key, in a fresh home: `gpg --dearmor` into a keyring file
 * used with `--no-default-keyring --keyring`, so no gpg-agent is started and the user's keyring is
 * neither read nor changed. Returns the gpg arguments that select it, and the key's fingerprints.
 */
async function throwawayKeyring(gpg: string, file: string, work: string, env: ToolEnv): Promise<{ args: string[]; fingerprints: string[] }> {
  const home = join(work, 'gnupg');
  await mkdir(home, { recursive: true });
  await chmod(home, 0o700); // gpg warns about "unsafe permissions" otherwise
  const show = await runTool(gpg, ['--batch', '--no-tty', '--homedir', home, '--with-colons', '--show-keys', file], env);
  const fingerprints = [...show.stdout.matchAll(/^fpr:(?:[^:]*:){8}([0-9A-F]{40,64}):/gm)].map((m) => m[1]!);
  if (show.code !== 0 || fingerprints.length === 0) {
    throw new ConfigurationError(`--gpg-key: gpg cannot read a public key from ${file}: ${show.stderr.trim().split('\n').pop() ?? 'no key found'}`);
  }
  const keyring = join(home, 'signer.gpg');
  const dearmor = await runTool(gpg, ['--batch', '--no-tty', '--homedir', home, '--dearmor', '--output', keyring, file], env);
  if (dearmor.code !== 0) throw new ConfigurationError(`--gpg-key: gpg cannot read ${file}: ${dearmor.stderr.trim()}`);
  return { args: ['--homedir', home, '--no-default-keyring', '--keyring', keyring], fingerprints };
}

/**
 * Check the detached signature of SHA256SUMS with the real gpg, reading its machine status lines
 * (`--status-fd`), never its localised human text. Without --gpg-key the user's own keyring
 * (GNUPGHOME or ~/.gnupg, as gpg itself resolves it) decides which keys are known.
 */
export async function verifySumsSignature(options: GpgVerifyOptions): Promise<GpgCheck> {
  if (options.gpgKey) await readPublicKeyFile(options.gpgKey);
  const gpg = await findOnPath('gpg', options.env);
  if (!gpg) return { state: 'no-gpg', command: ['gpg', '--verify', SHA256SUMS_GPG_NAME, SHA256SUMS_NAME] };

  const keyring = options.gpgKey ? await throwawayKeyring(gpg, options.gpgKey, options.work, options.env) : undefined;
  const result = await runTool(gpg, [
    '--batch', '--no-tty', '--status-fd', '1', ...(keyring?.args ?? []), '--verify', options.signature, options.sums,
  ], options.env);
  const status = statusLines(result.stdout);

  const bad = status.get('BADSIG');
  if (bad !== undefined) {
    const [keyId, ...uid] = bad.split(' ');
    return { state: 'bad', detail: `BAD signature from ${uid.join(' ') || 'an unnamed key'} (key ${keyId}): ${SHA256SUMS_NAME} is not what was signed` };
  }
  const revoked = status.get('REVKEYSIG');
  if (revoked !== undefined) return { state: 'bad', detail: `the signature was made by a revoked key (${revoked})` };
  if (status.has('EXPSIG')) return { state: 'bad', detail: 'the signature has expired' };

  const good = status.get('GOODSIG') ?? status.get('EXPKEYSIG');
  const valid = status.get('VALIDSIG');
  if (good !== undefined && valid !== undefined && result.code === 0) {
    const fields = valid.split(' ');
    const uid = good.split(' ').slice(1).join(' ');
    return {
      state: 'good',
      // VALIDSIG's 10th field is the primary key's fingerprint (the 1st may be a signing subkey's).
      fingerprint: fields[9] ?? fields[0]!,
      ...(uid ? { uid } : {}),
      keySource: keyring ? 'file' : 'keyring',
      certified: status.has('TRUST_FULLY') || status.has('TRUST_ULTIMATE'),
      expiredKey: status.has('EXPKEYSIG'),
    };
  }

  const missing = status.get('NO_PUBKEY') ?? (status.get('ERRSIG')?.split(' ')[5] === '9' ? status.get('ERRSIG') : undefined);
  if (missing !== undefined) {
    const keyId = missing.split(' ')[0]!;
    // The user named the signer's key: a signature by any other key is not the project's.
    if (keyring) {
      return {
        state: 'bad',
        detail: `the signature was made by key ${keyId}, not by the key in ${options.gpgKey} (${keyring.fingerprints.join(', ')})`,
      };
    }
    return { state: 'no-public-key', keyId };
  }
  const reason = result.stderr.trim().split('\n').filter((l) => l.startsWith('gpg:')).pop() ?? `gpg exited with ${result.code}`;
  return { state: 'bad', detail: `not a valid OpenPGP signature of ${SHA256SUMS_NAME} (${reason})` };
}
