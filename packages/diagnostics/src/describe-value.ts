/**
 * Describe a received value for an error message without echoing anything long or multi-line:
 * config values can hold pasted secrets or shell fragments, and messages end up in CI logs.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  switch (typeof value) {
    case 'string': {
      const oneLine = value.replace(/[\r\n\t]+/g, ' ');
      return JSON.stringify(oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine);
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}
