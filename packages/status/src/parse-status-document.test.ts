import { describe, expect, test } from 'vitest';
import { parseStatusDocument } from './parse-status-document.js';

const valid = {
  project: 'shimmy', version: '1.2.3', 'generated-at': '2026-01-01T00:00:00Z',
  platforms: { npm: { status: 'published', version: '1.2.3', 'duration-ms': 10, required: true, detail: 'ok' } },
};

const problemsOf = (doc: unknown): string => {
  try {
    parseStatusDocument(JSON.stringify(doc), 'status.json');
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};

describe('parseStatusDocument', () => {
  test('a valid document is returned as is', () => {
    expect(parseStatusDocument(JSON.stringify(valid), 'status.json').project).toBe('shimmy');
  });

  // A hand-written or truncated status.json usually lacks a key: say it is missing, not "got undefined".
  test('a missing key is reported as missing, a wrong one with what was there', () => {
    const { detail: _detail, ...npm } = valid.platforms.npm;
    const message = problemsOf({ ...valid, version: undefined, platforms: { npm: { ...npm, status: 'great' } } });
    expect(message).toContain('status.json: not a valid status.json');
    expect(message).toContain('  version: expected a non-empty string, but the key is missing');
    expect(message).toContain('  platforms.npm.detail: expected a string, but the key is missing');
    expect(message).toContain('  platforms.npm.status: expected published | skipped | dry-run | failed | needs-human, got "great"');
    expect(message).not.toContain('undefined');
  });
});
