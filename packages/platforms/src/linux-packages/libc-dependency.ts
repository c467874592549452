import type { Payload } from './package-payload.js';

/**
 * The glibc a dynamically linked binary needs, read from the binary itself: the highest
 * `GLIBC_x.y` symbol version it references (what `objdump -T` lists, and what dpkg-shlibdeps and
 * rpm's dependency generator turn into a dependency). Undefined for static binaries, scripts and
 * anything that is not ELF, which need no libc package.
 */
export function glibcFloor(binary: Uint8Array): string | undefined {
  const data = Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength);
  if (data.subarray(0, 4).toString('latin1') !== '\x7fELF' || !data.includes('libc.so.6')) return undefined;
  let best: [number, number] | undefined;
  for (const m of data.toString('latin1').matchAll(/GLIBC_(\d+)\.(\d+)(?![\d.])/g)) {
    const v: [number, number] = [Number(m[1]), Number(m[2])];
    if (!best || v[0] > best[0] || (v[0] === best[0] && v[1] > best[1])) best = v;
  }
  return best ? `${best[0]}.${best[1]}` : undefined;
}

/**
 * A package's dependencies: none, unless the binary links glibc dynamically (lintian:
 * undeclared-elf-prerequisites). Then Debian's `libc6`, and for rpm the soname-style names
 * rpmbuild itself generates, which every RPM distribution's glibc provides under whatever package
 * name it uses.
 */
export function libcDepends(format: 'deb' | 'rpm', payload: Payload, binaryPath: string): string[] {
  const binary = payload.files.find((f) => f.path === binaryPath);
  const floor = binary ? glibcFloor(binary.data) : undefined;
  if (!floor) return [];
  return format === 'deb' ? [`libc6 (>= ${floor})`] : ['libc.so.6()(64bit)', `libc.so.6(GLIBC_${floor})(64bit)`];
}
