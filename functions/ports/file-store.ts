import type { Readable } from 'node:stream';

/** Port: where import files come from and where their results go (S3 in AWS, the disk for the CLI). */
export interface FileStore {
  read(key: string): Promise<Buffer>;
  write(key: string, content: string, contentType: string): Promise<void>;
  /**
   * Size and user metadata (e.g. `as-of`), read before the content so that limits apply first.
   * `version`: that version of the object (the one an S3 event names), not the latest.
   */
  head?(key: string, version?: string): Promise<{ size: number; metadata: Record<string, string> }>;
  /** The content as a stream, so a CSV is never held whole. */
  stream?(key: string, version?: string): Promise<Readable>;
  /** Deletes an answered upload (that version, for good, when given). Absent: uploads are kept. */
  remove?(key: string, version?: string): Promise<void>;
}
