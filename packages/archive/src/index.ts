export { createArchive, type ArchiveEntry } from './create-archive.js';
