/**
 * Replace every secret value in a text with `***`. Used on every line a spoke or a server's error
 * may produce before it reaches a log, a summary, status.json or the dashboard: registries echo
 * requests back in their errors, and a token inside such an echo must not survive.
 *
 * Values shorter than 6 characters are ignored: masking `true` or `1` would wreck every message
 * and such values are not secrets anyway.
 */
export function createRedactor(secrets: Iterable<string | undefined>): (text: string) => string {
  const values = [...new Set([...secrets].filter((s): s is string => typeof s === 'string' && s.length >= 6))]
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  if (values.length === 0) return (text) => text;
  const escaped = values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('|'), 'g');
  return (text) => text.replace(pattern, '***');
}
