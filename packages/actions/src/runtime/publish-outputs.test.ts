import { describe, expect, test } from 'vitest';
import { publishOutputs } from './publish-outputs.js';

describe('publishOutputs', () => {
  const base = { key: 'npm', platform: 'npm' as const, status: 'published' as const, version: '1.2.3', detail: 'published', 'duration-ms': 42 };

  test('every spoke: the CONTRACT outputs, strings only, url empty when there is none', () => {
    expect(publishOutputs(base)).toEqual({ status: 'published', url: '', version: '1.2.3', detail: 'published', 'duration-ms': '42' });
  });

  test('an image spoke adds the digest and one repository a line', () => {
    const digest = `sha256:${'b'.repeat(64)}`;
    const outputs = publishOutputs({ ...base, key: 'docker', platform: 'docker', url: 'https://ghcr.io/v2/acme/x/manifests/1.2.3', image: { digest, repositories: ['ghcr.io/acme/x', 'index.docker.io/acme/x'] } });
    expect(outputs).toMatchObject({ digest, images: 'ghcr.io/acme/x\nindex.docker.io/acme/x', url: 'https://ghcr.io/v2/acme/x/manifests/1.2.3' });
  });
});
