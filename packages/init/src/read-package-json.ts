import { isTable, stringAt, type ManifestFacts } from './manifest-facts.js';
import { withoutScope } from './project-name.js';

/**
 * Facts from a package.json. `bin` is either a path (the command is the unscoped package name) or
 * a map of command → path (the first command is the one we ship).
 */
export function readPackageJson(text: string): ManifestFacts {
  const pkg: unknown = JSON.parse(text);
  if (!isTable(pkg)) return {};
  const name = stringAt(pkg, 'name');
  let binary: string | undefined;
  let entry: string | undefined;
  if (typeof pkg.bin === 'string') {
    binary = name ? withoutScope(name) : undefined;
    entry = pkg.bin;
  } else if (isTable(pkg.bin)) {
    const first = Object.entries(pkg.bin).find(([, path]) => typeof path === 'string');
    if (first) [binary, entry] = [first[0], first[1] as string];
  }
  // The legacy `{ "license": { "type": "MIT" } }` form still appears in older packages.
  const license = stringAt(pkg, 'license') ?? stringAt(pkg.license, 'type');
  return {
    name: name ? withoutScope(name) : undefined,
    packageName: name,
    description: stringAt(pkg, 'description'),
    license,
    homepage: stringAt(pkg, 'homepage'),
    binary: binary ?? (name ? withoutScope(name) : undefined),
    version: stringAt(pkg, 'version'),
    // Without `bin`, `main` is the best guess at what a bundler should start from.
    entry: entry ?? stringAt(pkg, 'main'),
  };
}
