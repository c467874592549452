// The catalog moved to the leaf package @deployforge/catalog (issue 20) so that config, plan and
// workflow read it without depending on this package; this path keeps older imports working.
export * from '@deployforge/catalog';
