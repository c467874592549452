/**
 * Cargo's two ways of saying the version is already there: its own pre-upload check against the
 * index (`crate foo@1.0.0 already exists on crates.io index`, `… on `local` index`), and the
 * registry's answer when the upload itself is refused (`crate version `1.0.0` is already
 * uploaded`). Either way, the version exists: compare, don't fail blindly.
 */
export function saysAlreadyPublished(output: string): boolean {
  return /already exists on \S+ index/i.test(output) || /crate version `[^`]+` is already uploaded/i.test(output);
}

/** 401/403 from the registry: the token is missing, wrong, expired or lacks publish scope. */
export function saysTokenRefused(output: string): boolean {
  return /status 40[13]\b|40[13] (Unauthorized|Forbidden)|authentication failed|invalid (api )?token|no token found|token rejected/i.test(output);
}
