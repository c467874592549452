/**
 * What can be checked of a PowerShell script without PowerShell (none runs on our machines): its
 * code with strings and comments blanked, whether its brackets balance, the variables it reads and
 * assigns, and the commands it calls. A tokenizer of the subset our installer uses: '…' strings
 * ('' escapes), "…" strings (backtick escapes), # line comments and <# … #> block comments.
 */
export interface PowerShellStructure {
  /** The script with every string's and comment's contents replaced by spaces (quotes kept). */
  code: string;
  /** The first unbalanced bracket, or undefined when (), {} and [] all pair up. */
  unbalanced?: string;
  /** Variables read or written, lowercased, without `$` (`env:` and scoped names excluded). */
  variables: Set<string>;
  /** Variables assigned with `$x =`, declared in param(…) or a foreach loop's, lowercased. */
  assigned: Set<string>;
  /** Verb-Noun command names, as written. */
  commands: Set<string>;
}

export function powerShellStructure(text: string): PowerShellStructure {
  let code = '';
  let i = 0;
  const strings: string[] = [];
  while (i < text.length) {
    const c = text[i]!;
    if (c === '<' && text[i + 1] === '#') {
      const end = text.indexOf('#>', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      code += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '#') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      code += ' '.repeat(stop - i);
      i = stop;
    } else if (c === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      strings.push(text.slice(i + 1, j));
      code += `'${' '.repeat(Math.max(0, j - i - 1))}'`;
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '`' ? 2 : 1;
      const body = text.slice(i + 1, j);
      strings.push(body);
      // Variables inside "…" are read: keep `$name` and `${name}` visible, blank the rest.
      code += `"${body.replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|[^$]/g, (m) => (m.startsWith('$') ? m : ' '))}"`;
      i = j + 1;
    } else {
      code += c;
      i += 1;
    }
  }
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  const stack: string[] = [];
  let unbalanced: string | undefined;
  // Brackets only in code, not inside the (blanked) strings.
  const bare = code.replace(/"[^"]*"/g, '""');
  for (const ch of bare) {
    if (ch === '(' || ch === '{' || ch === '[') stack.push(ch);
    else if (ch in pairs) {
      if (stack.pop() !== pairs[ch]) {
        unbalanced = ch;
        break;
      }
    }
  }
  if (!unbalanced && stack.length > 0) unbalanced = stack[stack.length - 1];
  const variables = new Set<string>();
  for (const m of code.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(:?)/g)) if (m[2] !== ':') variables.add(m[1]!.toLowerCase());
  const assigned = new Set<string>();
  for (const m of code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/g)) assigned.add(m[1]!.toLowerCase());
  for (const m of code.matchAll(/foreach\s*\(\s*\$([A-Za-z_][A-Za-z0-9_]*)\s+in\b/gi)) assigned.add(m[1]!.toLowerCase());
  for (const m of code.matchAll(/\[(?:string|switch|int)\]\$([A-Za-z_][A-Za-z0-9_]*)/gi)) assigned.add(m[1]!.toLowerCase());
  const commands = new Set<string>();
  for (const m of bare.matchAll(/(?<![$\w-])([A-Z][a-z]+-[A-Z][A-Za-z]+)\b/g)) commands.add(m[1]!);
  return { code, ...(unbalanced ? { unbalanced } : {}), variables, assigned, commands };
}
