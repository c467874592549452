export { createArchive, createArchiveHashed, type ArchiveEntry, type HashedArchive } from './create-archive.js';
