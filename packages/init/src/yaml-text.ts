import { stringify } from 'yaml';

// The rendered file is assembled line by line so it can carry comments; values still go through
// the YAML library so that names with '@', ': ' or quotes come out correctly quoted.
// lineWidth 0: never fold a long build command over two lines.

/** One value as inline YAML: `shimmy`, `'@acme/shimmy'`, `[linux-x64, macos-arm64]`, `{ a: b }`. */
export function inlineYaml(value: unknown): string {
  // Lists of names read better unpadded (`[linux-x64, macos-arm64]`), mappings padded (`{ a: b }`).
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    return `[${value.map(inlineYaml).join(', ')}]`;
  }
  return stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: true }).trimEnd();
}

/** A mapping as block YAML, indented by `indent` spaces, without a trailing newline. */
export function blockYaml(value: Record<string, unknown>, indent: number): string {
  const pad = ' '.repeat(indent);
  return stringify(value, { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}
