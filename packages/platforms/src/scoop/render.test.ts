import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankFakeOrigin, EXAMPLES, exampleFixture } from '../git-remote/test-support.js';
import type { ReleaseFixture } from '../../../../test/helpers/release-fixture.js';
import { autoupdateUrl } from './autoupdate-url.js';
import { manifestFacts } from './manifest-facts.js';
import { renderScoop } from './render.js';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validateScoop = ajv.compile(JSON.parse(readFileSync('/work/shared/schemas/scoop/schema.json', 'utf8')) as object);

describe('autoupdateUrl', () => {
  it.each([
    ['https://github.com/acme/x/releases/download/v1.2.3/x-1.2.3-windows-x64.zip', '1.2.3', 'v1.2.3', 'https://github.com/acme/x/releases/download/v$version/x-$version-windows-x64.zip'],
    ['https://github.com/acme/x/releases/download/1.2.3/x-1.2.3-windows-arm64.zip', '1.2.3', '1.2.3', 'https://github.com/acme/x/releases/download/$version/x-$version-windows-arm64.zip'],
    ['https://github.com/acme/x/releases/download/x-v2.0.0-rc.1/SHA256SUMS', '2.0.0-rc.1', 'x-v2.0.0-rc.1', 'https://github.com/acme/x/releases/download/x-v$version/SHA256SUMS'],
  ])('%s', (url, version, tag, expected) => {
    expect(autoupdateUrl(url, version, tag)).toBe(expected);
  });
});

describe.each(EXAMPLES)('the %s example', (example) => {
  let fx: ReleaseFixture;
  beforeAll(async () => {
    fx = await exampleFixture(example);
  });
  afterAll(async () => fx?.close());

  it('renders the golden manifest, valid against Scoop\'s schema', async () => {
    const files = renderScoop(fx.context());
    const name = example === 'rust-cli' ? 'hello-forge' : 'hello-forge-go';
    expect(files.map((f) => f.path)).toEqual([`bucket/${name}.json`]);
    const text = String(files[0]!.contents);
    const manifest = JSON.parse(text) as Record<string, unknown>;
    expect(validateScoop(manifest), ajv.errorsText(validateScoop.errors)).toBe(true);
    expect(manifestFacts(text).hashes).toHaveLength(2);
    await expect(blankFakeOrigin(text, fx)).toMatchFileSnapshot(`__golden__/${example}.json`);
  });
});

describe('manifestFacts', () => {
  it('reads version and per-architecture hashes, tolerating a BOM and sha256: prefixes', () => {
    const facts = manifestFacts('\uFEFF{"version":"1.0.0","architecture":{"64bit":{"hash":"sha256:ABC"},"arm64":{"hash":"def"}}}');
    expect(facts).toEqual({ version: '1.0.0', hashes: ['64bit=abc', 'arm64=def'] });
  });
  it('reads nothing from a broken file', () => {
    expect(manifestFacts('{oops')).toEqual({ hashes: [] });
  });
});
