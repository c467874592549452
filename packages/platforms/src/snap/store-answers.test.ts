import { describe, expect, test } from 'vitest';
import { classifyUpload, parseRevisions } from './store-answers.js';

describe('classifyUpload', () => {
  test.each([
    ['success', 0, "Revision 7 created for 'demo' and released to 'stable'", { kind: 'uploaded', revision: 7 }],
    ['identical binary (snapcraft 8)', 1, 'Issues while processing snap:\n- binary_sha3_384: A file with this exact same content has already been uploaded', { kind: 'duplicate' }],
    ['identical binary (older wording)', 2, 'The store was unable to accept this snap.\n  - binary_sha3_384: A file with this exact same content has already been uploaded', { kind: 'duplicate' }],
    ['expired export-login', 1, 'Exported credentials are no longer valid for the Snap Store.\nRecommended resolution: Run export-login and update SNAPCRAFT_STORE_CREDENTIALS.', { kind: 'credentials-expired' }],
    ['unregistered name', 2, "You are required to register this snap before continuing. Refer to 'snapcraft help register' for more options.\nThis snap is not registered. Register the snap and try again.", { kind: 'not-registered' }],
    ['anything else', 1, 'checksums do not match', { kind: 'failed', tail: 'checksums do not match' }],
  ] as const)('%s', (_name, code, output, expected) => expect(classifyUpload(code, output)).toEqual(expected));
});

describe('parseRevisions', () => {
  test('reads the plain table, with and without channels', () => {
    const table = [
      'Rev.    Uploaded              Arches       Version    Channels',
      '12      2024-05-01T10:00:00Z  arm64        1.2.0      latest/stable*,2.x/beta*',
      '11      2024-05-01T09:59:00Z  amd64,arm64  1.2.0      -',
      '3       2023-01-01T00:00:00Z  amd64        1.0.0',
    ].join('\n');
    expect(parseRevisions(table)).toEqual([
      { revision: 12, uploaded: '2024-05-01T10:00:00Z', arches: ['arm64'], version: '1.2.0', channels: ['latest/stable', '2.x/beta'] },
      { revision: 11, uploaded: '2024-05-01T09:59:00Z', arches: ['amd64', 'arm64'], version: '1.2.0', channels: [] },
      { revision: 3, uploaded: '2023-01-01T00:00:00Z', arches: ['amd64'], version: '1.0.0', channels: [] },
    ]);
  });

  test('no table, no revisions', () => expect(parseRevisions('No revisions found')).toEqual([]));
});
