import type { FileStore } from '../../functions/ports/file-store';

/**
 * An in-memory bucket standing in for S3 in bulk-import tests: `objects` holds the uploads and
 * receives the result files. With `head`, it also answers size and metadata as S3's HEAD does (the
 * size defaults to the object's own).
 */
export function memoryFiles(
  objects: Map<string, string | Buffer>,
  head?: { size?: number; metadata?: Record<string, string> },
): FileStore {
  return {
    read: async (key) => Buffer.from(objects.get(key) ?? ''),
    write: async (key, content) => {
      objects.set(key, content);
    },
    ...(head
      ? {
          head: async (key: string) => ({
            size: head.size ?? Buffer.byteLength(objects.get(key) ?? ''),
            metadata: head.metadata ?? {},
          }),
        }
      : {}),
  };
}
