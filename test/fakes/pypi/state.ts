/** What the fake index holds. Files are never forgotten: a deleted file's name stays taken. */
export interface StoredFile {
  project: string;
  version: string;
  filename: string;
  path: string;
  size: number;
  sha256: string;
  md5: string;
  blake2b256: string;
  uploadTime: string;
  /** The upload form's fields (summary, license, …), first value of each. */
  metadata: Record<string, string>;
  deleted: boolean;
}

export interface PypiFakeState {
  /** By file name: PyPI file names are global and unique forever. */
  files: Map<string, StoredFile>;
}

export const liveFiles = (state: PypiFakeState, project: string): StoredFile[] =>
  [...state.files.values()].filter((f) => f.project === project && !f.deleted);
