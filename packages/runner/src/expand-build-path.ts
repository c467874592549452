/**
 * Expand `$NAME` and `${NAME}` in `build.path` from the build's environment, the way the shell
 * in the generated build job does, without running a shell on a config value.
 */
export function expandBuildPath(path: string, env: Readonly<Record<string, string | undefined>>): string {
  return path.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare) as string;
    return env[name] ?? '';
  });
}
