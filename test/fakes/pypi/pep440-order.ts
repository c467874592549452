/**
 * Enough of PEP 440 ordering for the fake to pick `info.version` like PyPI: the highest final
 * release, or the highest prerelease when there is no final one.
 */
export function isPrerelease(version: string): boolean {
  return /(a|b|rc|dev)\d*$/i.test(version) || /\.dev\d*/i.test(version);
}

function key(version: string): number[] {
  const m = /^(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?(?:\.dev(\d+))?/i.exec(version);
  if (!m) return [0];
  const release = m[1]!.split('.').map(Number);
  while (release.length < 4) release.push(0);
  const pre = m[2] ? { a: 0, b: 1, rc: 2 }[m[2].toLowerCase() as 'a' | 'b' | 'rc'] : 3;
  return [...release, m[4] !== undefined && !m[2] ? -1 : pre, Number(m[3] ?? 0), m[4] !== undefined ? Number(m[4]) : Infinity];
}

export function comparePep440(a: string, b: string): number {
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function latestVersion(versions: readonly string[]): string | undefined {
  const sorted = [...versions].sort(comparePep440);
  const finals = sorted.filter((v) => !isPrerelease(v));
  return finals.at(-1) ?? sorted.at(-1);
}
