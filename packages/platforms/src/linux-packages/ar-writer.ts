/**
 * The `ar` archive a .deb is: the global `!<arch>\n` magic, then per member a 60-byte header
 * (name/ padded to 16, mtime 12, uid 6, gid 6, mode 8 in octal, size 10, then "`\n") and the data,
 * padded to an even length with "\n". dpkg wants members in order: debian-binary, control.tar.*,
 * data.tar.*.
 */
export interface ArMember {
  name: string;
  data: Uint8Array;
}

function field(value: string, width: number): string {
  if (value.length > width) throw new Error(`ar: ${JSON.stringify(value)} does not fit in ${width} characters`);
  return value.padEnd(width, ' ');
}

export function writeAr(members: readonly ArMember[], mtime: number): Buffer {
  const parts: Buffer[] = [Buffer.from('!<arch>\n', 'ascii')];
  for (const m of members) {
    const header = field(m.name, 16) + field(String(mtime), 12) + field('0', 6) + field('0', 6) + field('100644', 8) + field(String(m.data.length), 10) + '`\n';
    parts.push(Buffer.from(header, 'ascii'), Buffer.from(m.data));
    if (m.data.length % 2) parts.push(Buffer.from('\n', 'ascii'));
  }
  return Buffer.concat(parts);
}
