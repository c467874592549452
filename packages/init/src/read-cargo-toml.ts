import { parse } from 'smol-toml';
import { isTable, stringAt, type ManifestFacts } from './manifest-facts.js';

/**
 * Facts from a Cargo.toml. Handles a plain package, a package inheriting fields from
 * `[workspace.package]` (`license.workspace = true`), and a virtual workspace root (no
 * `[package]`), where only the inherited fields are known.
 */
export function readCargoToml(text: string): ManifestFacts {
  const doc = parse(text);
  const pkg = isTable(doc.package) ? doc.package : {};
  const shared = isTable(doc.workspace) && isTable(doc.workspace.package) ? doc.workspace.package : {};
  const field = (key: string): string | undefined => stringAt(pkg, key) ?? (inherits(pkg[key]) ? stringAt(shared, key) : undefined);

  // Cargo names the default binary after the package; an explicit [[bin]] overrides that.
  const bins = Array.isArray(doc.bin) ? doc.bin : [];
  const firstBin = bins.map((b) => stringAt(b, 'name')).find((n) => n !== undefined);

  return {
    name: stringAt(pkg, 'name'),
    packageName: stringAt(pkg, 'name'),
    description: field('description'),
    license: field('license'),
    homepage: field('homepage') ?? field('repository'),
    binary: firstBin ?? stringAt(pkg, 'name'),
    // A virtual root's own version is [workspace.package].version, which `version.from: cargo` reads too.
    version: field('version') ?? (isTable(doc.package) ? undefined : stringAt(shared, 'version')),
  };
}

function inherits(value: unknown): boolean {
  return isTable(value) && value.workspace === true;
}
