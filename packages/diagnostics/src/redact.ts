import { credentialHeaderPatterns } from './credential-headers.js';
import { secretForms } from './secret-forms.js';

/**
 * Replace every secret value in a text with `***`, in every form a server may echo it back in:
 * raw, URL-encoded, JSON-escaped, and inside base64 (`Basic base64(user:token)`, a base64'd
 * `x-access-token:TOKEN`); and the value of any `Authorization`-like header or URL password,
 * whatever it holds, known secret or not. Used at every boundary where text leaves the process:
 * the CLI's stdout/stderr, the actions' log, outputs and summary, spokes' details, status.json.
 *
 * Values shorter than 6 characters are ignored: masking `true` or `1` would wreck every message
 * and such values are not secrets anyway.
 */
export function createRedactor(secrets: Iterable<string | undefined>): (text: string) => string {
  const forms = secretForms(secrets);
  const literal = forms.literals.length > 0 ? new RegExp(forms.literals.map(escapeRegExp).join('|'), 'g') : undefined;
  const cores = forms.base64Cores.length > 0 ? new RegExp(forms.base64Cores.map(escapeRegExp).join('|'), 'g') : undefined;
  return (text) => {
    let out = text;
    if (literal) out = out.replace(literal, '***');
    if (cores) out = maskBase64Runs(out, cores);
    for (const { pattern, replace } of credentialHeaderPatterns) out = out.replace(pattern, replace);
    return out;
  };
}

const BASE64_CHAR = /[A-Za-z0-9+/_-]/;

/**
 * A base64 run holding a secret is replaced whole: the bytes around the secret (a user name, the
 * `x-access-token:` prefix) belong to the same credential, and a partial run would still decode to
 * pieces of it. The run is found by growing each core match over base64 characters (a regex with
 * the character class around the alternation backtracks badly on long texts).
 */
function maskBase64Runs(text: string, cores: RegExp): string {
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(cores)) {
    let start = match.index;
    let end = start + match[0].length;
    while (start > 0 && BASE64_CHAR.test(text[start - 1]!)) start--;
    while (end < text.length && BASE64_CHAR.test(text[end]!)) end++;
    while (end < text.length && text[end] === '=') end++;
    const last = ranges.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${text.slice(at, start)}***`;
    at = end;
  }
  return out + text.slice(at);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
