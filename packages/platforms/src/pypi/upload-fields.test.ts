import { describe, expect, test } from 'vitest';
import { uploadFields } from './upload-fields.js';

describe('uploadFields', () => {
  test('the legacy upload form, read from METADATA, as twine sends it', () => {
    const metadata = 'Metadata-Version: 2.1\nName: Demo\nVersion: 1.0.0\nSummary: S\nLicense: MIT\nProject-URL: Source, https://x.test\nProject-URL: Releases, https://x.test/r\nDescription-Content-Type: text/markdown\n\n# Demo\n\nbody\n';
    expect(uploadFields(metadata, { sha256: 'ab'.repeat(32) })).toEqual([
      [':action', 'file_upload'],
      ['protocol_version', '1'],
      ['metadata_version', '2.1'],
      ['name', 'Demo'],
      ['version', '1.0.0'],
      ['filetype', 'bdist_wheel'],
      ['pyversion', 'py3'],
      ['summary', 'S'],
      ['license', 'MIT'],
      ['description_content_type', 'text/markdown'],
      ['project_urls', 'Source, https://x.test'],
      ['project_urls', 'Releases, https://x.test/r'],
      ['description', '# Demo\n\nbody\n'],
      ['sha256_digest', 'ab'.repeat(32)],
    ]);
  });
});
