import { open, type Entry, type ZipFile } from 'yauzl';

/** What a store reads from an uploaded .vsix: the identity in extension/package.json, and the entry names. */
export interface VsixFacts {
  publisher: string;
  name: string;
  version: string;
  entries: string[];
}

export function readVsix(file: string): Promise<VsixFacts> {
  return new Promise((resolve, reject) => {
    open(file, { lazyEntries: true }, (error: Error | null, zip: ZipFile) => {
      if (error) return reject(error);
      const entries: string[] = [];
      let pkg: Record<string, unknown> | undefined;
      zip.on('entry', (entry: Entry) => {
        entries.push(entry.fileName);
        if (entry.fileName !== 'extension/package.json') return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          let text = '';
          stream.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => {
            pkg = JSON.parse(text) as Record<string, unknown>;
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => {
        if (!pkg) return reject(new Error('no extension/package.json in the package'));
        resolve({ publisher: String(pkg.publisher), name: String(pkg.name), version: String(pkg.version), entries });
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
