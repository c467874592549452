/**
 * Strings an attacker (or a careless copy-paste) puts into a config value or a dispatch input. Each
 * one that a shell, the workflow runner or a renderer could execute tries to create `sentinel`, so a
 * test can see execution instead of guessing at it.
 */
export function injectionPayloads(sentinel: string): Record<string, string> {
  return {
    'workflow expression': '${{ github.token }}',
    'command substitution': `x$(touch ${sentinel})`,
    backticks: `x\`touch ${sentinel}\``,
    'command separator': `x; touch ${sentinel}; rm -rf /`,
    newline: `x\ntouch ${sentinel}`,
    quotes: `x"' && touch ${sentinel} #`,
    'very long': 'a'.repeat(5000),
  };
}

/** Versions that must never get past validation. */
export const BAD_VERSIONS: readonly string[] = [
  '1.2',
  'v1.2.3.4',
  '1.2.3; rm -rf /',
  '1.2.3$(id)',
  '1.2.3`id`',
  '1.2.3\nid',
  '${{ github.token }}',
  'ünïcödé',
  '１.２.３',
  '1.2.3-',
  '01.2.3',
  ' ',
  '',
  'v'.repeat(3000),
];
