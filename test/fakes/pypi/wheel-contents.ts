import yauzl from 'yauzl';

/**
 * The METADATA text inside a wheel, read the way PyPI validates uploads: the wheel must be a zip
 * whose `<dist>-<ver>.dist-info/METADATA` exists.
 */
export async function readWheelMetadata(path: string): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  try {
    const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => (/^[^/]+\.dist-info\/METADATA$/.test(e.fileName) ? resolve(e) : zip.readEntry()));
      zip.on('end', () => resolve(undefined));
      zip.on('error', reject);
      zip.readEntry();
    });
    if (!entry) throw new Error('the wheel has no .dist-info/METADATA');
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    zip.close();
  }
}

export function metadataHeader(metadata: string, key: string): string | undefined {
  const head = metadata.split('\n\n')[0] ?? '';
  return head.split('\n').find((l) => l.toLowerCase().startsWith(`${key.toLowerCase()}: `))?.slice(key.length + 2);
}
