/**
 * GitHub's filter patterns for `on.push.tags` (docs: "Filter pattern cheat sheet"): `*` any run
 * of characters except `/`, `**` any run, `?` the previous character optional, `+` one or more
 * of it, `[…]` a class, a leading `!` excludes what earlier patterns matched.
 */
export function filterPatternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') { source += '.*'; i += 1; } else source += '[^/]*';
    } else if (c === '?' || c === '+') {
      source += c;
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) { source += '\\['; continue; }
      source += pattern.slice(i, end + 1);
      i = end;
    } else if (c === '\\' && i + 1 < pattern.length) {
      source += escape(pattern[i + 1]!);
      i += 1;
    } else {
      source += escape(c);
    }
  }
  return new RegExp(`^${source}$`);
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** Whether a tag matches an ordered pattern list with `!` exclusions (the last match decides). */
export function matchesFilterList(tag: string, patterns: readonly string[]): boolean {
  let matched = false;
  for (const p of patterns) {
    const negated = p.startsWith('!');
    if (filterPatternToRegExp(negated ? p.slice(1) : p).test(tag)) matched = !negated;
  }
  return matched;
}

/**
 * Tags worth testing a pattern list with: a few common release tags, then examples built from
 * each pattern (wildcards filled in a few ways, classes by their first character). Two triggers
 * overlap when one of these matches both; the first such tag is named in the finding.
 */
export function probeTags(patterns: readonly string[]): string[] {
  const probes = ['v1.2.3', '1.2.3', 'v1.2.3-rc.1', 'release-1.2.3'];
  for (const raw of patterns) {
    const p = raw.startsWith('!') ? raw.slice(1) : raw;
    for (const fill of ['1.2.3', '', 'x']) {
      probes.push(p.replace(/\*\*?/g, fill).replace(/\[([^\]])[^\]]*\]/g, '$1').replace(/[?+\\]/g, ''));
    }
  }
  return [...new Set(probes)];
}
