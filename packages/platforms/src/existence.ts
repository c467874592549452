// Moved to @deployforge/catalog with the platform catalog (issue 20); kept for older imports.
export * from '@deployforge/catalog';
