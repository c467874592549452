import type { LockedPackage } from './locked-package.js';

/** `github.com/spf13/cobra` → namespace `github.com/spf13`, name `cobra` (the purl-spec split). */
function golangPackage(path: string, version: string | undefined): LockedPackage {
  const cut = path.lastIndexOf('/');
  return {
    type: 'golang',
    ...(cut > 0 ? { namespace: path.slice(0, cut) } : {}),
    name: cut > 0 ? path.slice(cut + 1) : path,
    ...(version ? { version } : {}),
    hashes: [],
  };
}

function unquote(token: string): string {
  return token.startsWith('"') && token.endsWith('"') ? token.slice(1, -1) : token.replace(/^`|`$/g, '');
}

/**
 * The main module and every `require` of a go.mod. Since Go 1.17 go.mod lists every module the
 * build needs (indirect ones marked `// indirect`), which is the inventory an SBOM wants; go.sum
 * also holds modules only consulted for their go.mod, so it would over-report. `h1:` hashes are
 * not SHA-256 of any file a consumer can download, so none are recorded.
 */
export function parseGoMod(text: string): LockedPackage[] {
  const packages: LockedPackage[] = [];
  let inRequire = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (inRequire) {
      if (line === ')') inRequire = false;
      else {
        const [path, version] = line.split(/\s+/);
        if (path && version) packages.push(golangPackage(unquote(path), version));
      }
      continue;
    }
    const module = /^module\s+(\S+)/.exec(line);
    if (module) packages.push(golangPackage(unquote(module[1]!), undefined));
    if (/^require\s*\($/.test(line)) inRequire = true;
    const single = /^require\s+(\S+)\s+(\S+)/.exec(line);
    if (single && single[1] !== '(') packages.push(golangPackage(unquote(single[1]!), single[2]));
  }
  return packages;
}
