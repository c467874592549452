/**
 * The forms a secret takes in text a server or a tool may echo back: as it is, URL-encoded (a token
 * in a query string or in `https://user:TOKEN@host`), JSON-escaped (a key with newlines inside an
 * error body), and base64-encoded as part of something longer (`Basic base64(user:TOKEN)`, a git
 * `extraheader` of `x-access-token:TOKEN`).
 *
 * Base64 of a longer text only holds a secret's own characters when the secret starts on a 3-byte
 * boundary, so for each of the three offsets we keep the part of the encoding that depends on the
 * secret's bytes alone: whatever precedes or follows it (`user:`, `x-access-token:`, `:`), one of
 * these "cores" appears in the encoding.
 */
export interface SecretForms {
  /** Texts to replace as they are, longest first so that a secret containing another goes whole. */
  literals: string[];
  /** Base64 fragments (standard and URL-safe alphabets) that only an encoding of a secret contains. */
  base64Cores: string[];
}

/** Below this a value is not treated as a secret: masking `true` or `1` would wreck every message. */
export const MIN_SECRET_LENGTH = 6;
/** A shorter core could occur by chance in an unrelated base64 run (a digest, a signature). */
const MIN_CORE_LENGTH = 8;

export function secretForms(secrets: Iterable<string | undefined>): SecretForms {
  const values = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    values.add(secret);
    // A multi-line secret (an armored key) may reach a message one line at a time, or re-wrapped:
    // each line of its body is a secret too. Armor lines are public boilerplate and short lines
    // (`=abcd` checksums) would blank ordinary words.
    if (/[\r\n]/.test(secret)) {
      for (const line of secret.split(/\r?\n/)) {
        const text = line.trim();
        if (text.length >= 8 && !text.startsWith('-----')) values.add(text);
      }
    }
  }
  const literals = new Set<string>();
  const cores = new Set<string>();
  for (const value of values) {
    literals.add(value);
    literals.add(encodeURIComponent(value));
    literals.add(JSON.stringify(value).slice(1, -1));
    for (const core of base64Cores(value)) cores.add(core);
  }
  return {
    literals: [...literals].sort((a, b) => b.length - a.length),
    base64Cores: [...cores].sort((a, b) => b.length - a.length),
  };
}

/** The encodings of `value` at byte offsets 0, 1 and 2 of a base64 group, minus the edge characters that mix in neighbouring bytes. */
function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Character i covers bits 6i..6i+5: keep those that lie wholly inside the secret's bits.
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    const core = encoded.slice(first, end);
    if (core.length < MIN_CORE_LENGTH) continue;
    cores.push(core);
    const urlSafe = core.replace(/\+/g, '-').replace(/\//g, '_');
    if (urlSafe !== core) cores.push(urlSafe);
  }
  return cores;
}
