/** The metadata JSON cargo sends with `PUT /api/v1/crates/new` (the fields the index needs). */
export interface PublishMetadata {
  name: string;
  vers: string;
  deps: {
    name: string;
    version_req: string;
    features: string[];
    optional: boolean;
    default_features: boolean;
    target: string | null;
    kind: string;
    registry?: string | null;
    explicit_name_in_toml?: string | null;
  }[];
  features: Record<string, string[]>;
  links?: string | null;
  rust_version?: string | null;
}

/**
 * The index line for a published version. The publish API and the index spell dependencies
 * differently: `version_req` becomes `req`, and a renamed dependency is listed under its name in
 * Cargo.toml with the real crate in `package`.
 */
export function indexLine(meta: PublishMetadata, cksum: string): Record<string, unknown> {
  const deps = meta.deps.map((d) => ({
    name: d.explicit_name_in_toml ?? d.name,
    req: d.version_req,
    features: d.features,
    optional: d.optional,
    default_features: d.default_features,
    target: d.target,
    kind: d.kind,
    ...(d.registry ? { registry: d.registry } : {}),
    ...(d.explicit_name_in_toml ? { package: d.name } : {}),
  }));
  // Features that use `dep:` or `?/` syntax go to `features2` with `v: 2`, as crates.io does.
  const isV2 = (values: string[]) => values.some((v) => v.startsWith('dep:') || v.includes('?/'));
  const features: Record<string, string[]> = {};
  const features2: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(meta.features ?? {})) (isV2(v) ? features2 : features)[k] = v;
  return {
    name: meta.name,
    vers: meta.vers,
    deps,
    cksum,
    features,
    yanked: false,
    links: meta.links ?? null,
    ...(Object.keys(features2).length ? { features2, v: 2 } : { v: 1 }),
    ...(meta.rust_version ? { rust_version: meta.rust_version } : {}),
  };
}

export function indexPath(crate: string): string {
  const name = crate.toLowerCase();
  if (name.length <= 2) return `${name.length}/${name}`;
  if (name.length === 3) return `3/${name[0]}/${name}`;
  return `${name.slice(0, 2)}/${name.slice(2, 4)}/${name}`;
}
