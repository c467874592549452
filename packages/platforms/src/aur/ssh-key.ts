import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runTool } from './run-tool.js';

/**
 * Secrets pasted into GitHub arrive mangled in predictable ways: CRLF line ends (copied on
 * Windows), a missing or doubled final newline, or the whole key on one line with literal `\n`.
 * OpenSSH refuses all of those with an unhelpful "invalid format", so normalise first.
 */
export function normaliseSshKey(text: string): string {
  let key = text.replace(/\r\n?/g, '\n');
  if (!key.includes('\n') && key.includes('\\n')) key = key.replace(/\\n/g, '\n');
  key = key
    .split('\n')
    .map((line) => line.trim())
    // Unencrypted OpenSSH and PEM keys have no blank lines; stray ones come from pasting.
    .filter((line) => line !== '')
    .join('\n')
    .trim();
  return `${key}\n`;
}

/**
 * Writes the key to a 0600 file in `dir` (a private temp folder the caller removes) and proves
 * OpenSSH can read it, so a bad secret fails here with a clear message instead of as a vague
 * "Permission denied (publickey)" from the server. Messages never contain the key itself.
 */
export async function writeSshKey(secretName: string, text: string | undefined, dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (!text || text.trim() === '') throw new Error(`${secretName} is not set: add the private key registered with your AUR account as this secret`);
  const key = normaliseSshKey(text);
  if (!/^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----\n/.test(key)) {
    throw new Error(`${secretName} does not look like a private key: it must start with a "-----BEGIN … PRIVATE KEY-----" line (paste the whole private key file, not the .pub)`);
  }
  const path = join(dir, 'aur_key');
  await writeFile(path, key, { mode: 0o600 });
  // -P '' makes a passphrase-protected key fail instead of prompting.
  const check = await runTool('ssh-keygen', ['-y', '-P', '', '-f', path], { env, timeoutMs: 15_000 });
  if (check.code !== 0) {
    const why = check.stderr.split(path).join('<key file>').trim() || `ssh-keygen exited ${check.code}`;
    throw new Error(`${secretName} is not a usable private key (${why}); it must be an unencrypted OpenSSH or PEM private key`);
  }
  return path;
}
