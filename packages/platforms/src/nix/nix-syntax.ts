/**
 * A small structural check of Nix source, for tests (nix itself is not on our machines): strings
 * ("…" with escapes, ''…'' indented strings) and `${…}` antiquotations are tokenised properly;
 * braces, brackets and parentheses must balance; and in every attribute set and `let … in` each
 * binding ends in `;` (bindings = `=` + `inherit`/`with`/`assert` statements, counted against `;`).
 * It is not a Nix parser, but it fails on the mistakes a template makes: an unclosed brace, a lost
 * semicolon, an unescaped quote or `${` in a string.
 */
export function checkNixSyntax(source: string): string[] {
  const errors: string[] = [];
  type Frame = { open: string; line: number; eq: number; stmts: number; semi: number };
  const frames: Frame[] = [];
  // Modes: code, a "string", an ''indented string''; `${` inside a string pushes code again.
  const modes: ('code' | 'str' | 'ind')[] = ['code'];
  let line = 1;
  let i = 0;
  const top = () => frames[frames.length - 1];
  const push = (open: string) => frames.push({ open, line, eq: 0, stmts: 0, semi: 0 });
  const close = (open: string, closer: string) => {
    const frame = frames.pop();
    if (!frame || frame.open !== open) {
      errors.push(`line ${line}: "${closer}" closes ${frame ? `"${frame.open}" opened on line ${frame.line}` : 'nothing'}`);
      return;
    }
    if ((open === '{' || open === 'let') && frame.eq + frame.stmts !== frame.semi) {
      errors.push(`line ${frame.line}: the ${open === 'let' ? 'let block' : 'attribute set'} has ${frame.eq + frame.stmts} binding(s) but ${frame.semi} semicolon(s)`);
    }
  };

  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    const mode = modes[modes.length - 1]!;
    if (c === '\n') line++;
    if (mode === 'str') {
      if (c === '\\') i += 2;
      else if (c === '"') { modes.pop(); i++; }
      else if (c === '$' && next === '{') { modes.push('code'); push('${'); i += 2; }
      else i++;
      continue;
    }
    if (mode === 'ind') {
      if (c === "'" && next === "'") {
        const after = source[i + 2];
        if (after === "'" || after === '$' || after === '\\') i += after === '\\' ? 4 : 3;
        else { modes.pop(); i += 2; }
      } else if (c === '$' && next === '{') { modes.push('code'); push('${'); i += 2; }
      else i++;
      continue;
    }
    // code
    if (c === '#') { while (i < source.length && source[i] !== '\n') i++; continue; }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) { errors.push(`line ${line}: unclosed comment`); break; }
      line += source.slice(i, end).split('\n').length - 1;
      i = end + 2;
      continue;
    }
    if (c === '"') { modes.push('str'); i++; continue; }
    if (c === "'" && next === "'") { modes.push('ind'); i += 2; continue; }
    if (c === '{') { push('{'); i++; continue; }
    if (c === '}') {
      if (top()?.open === '${') { frames.pop(); modes.pop(); i++; continue; }
      close('{', '}'); i++; continue;
    }
    if (c === '[' || c === '(') { push(c); i++; continue; }
    if (c === ']') { close('[', ']'); i++; continue; }
    if (c === ')') { close('(', ')'); i++; continue; }
    if (c === ';') { const f = top(); if (f) f.semi++; else errors.push(`line ${line}: ";" outside any set`); i++; continue; }
    if (c === '=' ) {
      const prev = source[i - 1];
      if (next === '=' ) { i += 2; continue; }
      if (prev === '=' || prev === '!' || prev === '<' || prev === '>') { i++; continue; }
      const f = top();
      if (f) f.eq++;
      i++;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_'-]*/.exec(source.slice(i, i + 64))?.[0];
    if (word) {
      if (word === 'let') push('let');
      else if (word === 'in' && top()?.open === 'let') close('let', 'in');
      else if (word === 'inherit' || word === 'with' || word === 'assert') { const f = top(); if (f) f.stmts++; }
      i += word.length;
      continue;
    }
    i++;
  }
  const mode = modes[modes.length - 1];
  if (mode !== 'code' || modes.length > 1) errors.push(`end of file inside a ${mode === 'ind' ? "''string''" : 'string or ${…}'}`);
  for (const frame of frames) errors.push(`line ${frame.line}: "${frame.open}" is never closed`);
  return errors;
}
