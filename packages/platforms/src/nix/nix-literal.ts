/** A Nix double-quoted string: `"`, `\` and `${` (antiquotation) are escaped. */
export function nixString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$\{/g, '\\${').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** An attribute name: bare when Nix allows it, quoted otherwise (`x86_64-linux` is fine bare). */
export function nixAttrName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_'-]*$/.test(name) ? name : nixString(name);
}

/** SRI form of a hex sha256, which `fetchurl`'s `sha256`/`hash` accept: `sha256-<base64>`. */
export function sriSha256(hex: string): string {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`not a sha256: ${hex}`);
  return `sha256-${Buffer.from(hex, 'hex').toString('base64')}`;
}
