/**
 * The config package, loaded when a command reads a config rather than when the CLI starts: its
 * YAML parser and schema validator are about 430 KiB, which `--help` and the commands that read no
 * config (status, stats, verify, dashboard…) would otherwise load for nothing (issue 20).
 */
export const configPackage = () => import('@deployforge/config');
