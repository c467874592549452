import { ConfigurationError } from '@deployforge/diagnostics';

/**
 * Byte-order marks of the encodings a Windows editor may save a file in. UTF-32 LE starts with the
 * UTF-16 LE mark, so the longer marks are tried first.
 */
const FOREIGN_BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'UTF-32 (little-endian)' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'UTF-32 (big-endian)' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16 (little-endian)' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16 (big-endian)' },
];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Turn the bytes of a deployforge.yml into text, refusing what is not UTF-8. Decoding a UTF-16 file
 * as UTF-8 gives keys like "\uFFFD\uFFFDproject" and a list of baffling schema errors; saying what the
 * encoding is tells the user the one thing to change. A UTF-8 byte-order mark is dropped, so
 * columns on line 1 count from the first real character.
 */
export function decodeConfigBytes(bytes: Uint8Array, file: string): string {
  for (const { bytes: bom, encoding } of FOREIGN_BOMS) {
    if (startsWith(bytes, bom)) throw encodingError(file, 1, 1, `the file is ${encoding}, with a byte-order mark; save it as UTF-8`);
  }
  // No mark, but ASCII text in UTF-16 puts a zero byte beside every letter (the YAML spec detects
  // encodings from the same pattern).
  const guessed = guessUtf16(bytes);
  if (guessed) throw encodingError(file, 1, 1, `the file looks like ${guessed} (a zero byte beside every letter); save it as UTF-8`);

  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const { line, column, byte } = firstInvalidByte(body);
    throw encodingError(
      file, line, column,
      `byte 0x${byte.toString(16).padStart(2, '0')} is not valid UTF-8 (the file may be Latin-1 or Windows-1252); save it as UTF-8`,
    );
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function guessUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2) return undefined;
  const [a, b] = [bytes[0], bytes[1]];
  if (a !== 0 && b === 0) return 'UTF-16 (little-endian)';
  if (a === 0 && b !== 0) return 'UTF-16 (big-endian)';
  return undefined;
}

/**
 * Where decoding first fails, as a 1-based line and column (columns count characters, as the YAML
 * positions do). Only called on a file already known to be bad, so the byte-at-a-time walk of one
 * line costs nothing that matters. A newline byte never occurs inside a UTF-8 sequence, so lines
 * can be split on bytes.
 */
function firstInvalidByte(bytes: Uint8Array): { line: number; column: number; byte: number } {
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let decoded = '';
    let sequenceStart = start;
    for (let i = start; i < end; i++) {
      try {
        const chunk = decoder.decode(bytes.subarray(i, i + 1), { stream: true });
        decoded += chunk;
        if (chunk !== '') sequenceStart = i + 1;
      } catch {
        return { line, column: decoded.length + 1, byte: bytes[sequenceStart] ?? 0 };
      }
    }
    try {
      decoder.decode();
    } catch {
      // A sequence cut short by the end of the line.
      return { line, column: decoded.length + 1, byte: bytes[sequenceStart] ?? 0 };
    }
    line++;
    start = end + 1;
  }
  return { line: 1, column: 1, byte: 0 };
}

function encodingError(file: string, line: number, column: number, message: string): ConfigurationError {
  return ConfigurationError.fromDiagnostics([{ file, line, column, path: '', message }]);
}
