import { describe, expect, test } from 'vitest';
import { createRedactor } from './redact.js';

describe('createRedactor', () => {
  test('masks every occurrence, longest secret first', () => {
    const redact = createRedactor(['npm_abcdef123', 'npm_abcdef123456', undefined]);
    expect(redact('token npm_abcdef123456 and npm_abcdef123 again npm_abcdef123456')).toBe('token *** and *** again ***');
  });
  test('treats secrets as text, not patterns', () => {
    expect(createRedactor(['a.b*c+d$e'])('x a.b*c+d$e y aXbbbc+d$e')).toBe('x *** y aXbbbc+d$e');
  });
  test('ignores short values that cannot be secrets', () => {
    expect(createRedactor(['true', '1', ''])('true 1')).toBe('true 1');
  });
});
