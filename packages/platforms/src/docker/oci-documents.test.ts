import { describe, expect, test } from 'vitest';
import { imageConfig, imageIndex, imageManifest } from './oci-documents.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;
const labels = { 'org.opencontainers.image.version': '1.0.0' };

describe('OCI documents', () => {
  const config = imageConfig({
    platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    created: '1970-01-01T00:00:00Z', entrypoint: ['/usr/local/bin/x'], labels, diffId: D('b'), installPath: '/usr/local/bin/x',
    base: { config: { Env: ['A=1'], User: '65532', Cmd: ['/bin/sh'], Labels: { base: 'yes' } }, diffIds: [D('a')], history: [{ created_by: 'base' }] },
  });

  test('config: base settings kept, Cmd dropped, our diff_id after the base ones', () => {
    expect(JSON.parse(config.bytes.toString())).toMatchSnapshot();
  });

  test('manifest and index: media types, descriptors, platform with variant, stable bytes', () => {
    const manifest = imageManifest(config, [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: D('c'), size: 10 }], labels);
    const index = imageIndex([{ manifest, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } }], labels);
    expect(JSON.parse(manifest.bytes.toString())).toMatchSnapshot();
    expect(JSON.parse(index.bytes.toString())).toMatchSnapshot();
    expect(index.digest).toMatchSnapshot();
    expect(imageIndex([{ manifest, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } }], labels).digest).toBe(index.digest);
  });
});
