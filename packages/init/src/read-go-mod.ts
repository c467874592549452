import type { ManifestFacts } from './manifest-facts.js';

/**
 * Facts from a go.mod: only the module path is there. `go build` names the binary after the
 * path's last element, skipping a major-version suffix (`example.com/tool/v2` builds `tool`),
 * so the name and binary follow the same rule.
 */
export function readGoMod(text: string): ManifestFacts {
  const match = /^\s*module\s+("?)([^\s"]+)\1\s*(?:\/\/.*)?$/m.exec(text);
  const modulePath = match?.[2];
  if (!modulePath) return {};
  const segments = modulePath.split('/').filter((s) => s !== '');
  let last = segments.at(-1);
  if (last !== undefined && /^v\d+$/.test(last) && segments.length > 1) last = segments.at(-2);
  const homepage = /^github\.com\/[^/]+\/[^/]+/.exec(modulePath)?.[0];
  return { name: last, binary: last, homepage: homepage ? `https://${homepage}` : undefined };
}
