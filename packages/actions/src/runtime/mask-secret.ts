import * as core from '@actions/core';

/**
 * Mask a secret for the runner. The runner matches masks against one log line at a time, so a
 * multi-line secret (an armored GPG key, an SSH private key) registered whole would still show
 * line by line: each of its lines is masked as well. Armor lines (`-----BEGIN …-----`) are public
 * boilerplate, and masking very short lines would blank ordinary words all over the log.
 */
export function maskSecret(value: string): void {
  core.setSecret(value);
  if (!/[\r\n]/.test(value)) return;
  for (const line of value.split(/\r?\n/)) {
    const text = line.trim();
    if (text.length >= 8 && !text.startsWith('-----')) core.setSecret(text);
  }
}
