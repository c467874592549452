/**
 * Turns this release's download URL into Scoop's autoupdate template: the tag's path segment and the
 * version inside the file name become `$version`, so `checkver` finding 1.3.0 yields the 1.3.0 URL.
 * `…/download/v1.2.3/shimmy-1.2.3-windows-x64.zip` → `…/download/v$version/shimmy-$version-windows-x64.zip`.
 */
export function autoupdateUrl(url: string, version: string, tag: string): string {
  const parsed = new URL(url);
  const segments = parsed.pathname.split('/');
  const encodedTag = encodeURIComponent(tag);
  const templated = segments.map((segment, i) => {
    if (segment === encodedTag || segment === tag) return tag.replace(version, '$version');
    if (i === segments.length - 1) return segment.split(version).join('$version');
    return segment;
  });
  return `${parsed.protocol}//${parsed.host}${templated.join('/')}${parsed.search}`;
}
