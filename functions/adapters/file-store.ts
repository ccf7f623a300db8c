import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { FileStore } from '../ports/file-store';

export class S3FileStore implements FileStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async read(key: string): Promise<Buffer> {
    const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!object.Body) throw new Error(`s3://${this.bucket}/${key} has no body`);
    return Buffer.from(await object.Body.transformToByteArray());
  }

  async head(key: string, version?: string): Promise<{ size: number; metadata: Record<string, string> }> {
    const object = await this.s3.send(
      new HeadObjectCommand({ Bucket: this.bucket, Key: key, ...(version ? { VersionId: version } : {}) }),
    );
    return { size: object.ContentLength ?? 0, metadata: object.Metadata ?? {} };
  }

  async stream(key: string, version?: string): Promise<Readable> {
    const object = await this.s3.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(version ? { VersionId: version } : {}) }),
    );
    if (!(object.Body instanceof Readable)) throw new Error(`s3://${this.bucket}/${key} has no body`);
    return object.Body;
  }

  /**
   * With a version id the version is deleted for good (no delete marker, no old version left);
   * without one (a bucket without versioning, locally) the object is.
   */
  async remove(key: string, version?: string): Promise<void> {
    await this.s3.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: key, ...(version ? { VersionId: version } : {}) }),
    );
  }

  async write(key: string, content: string, contentType: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: content, ContentType: contentType }),
    );
  }
}

export class LocalFileStore implements FileStore {
  constructor(private readonly baseDir = '.') {}

  read(key: string): Promise<Buffer> {
    return readFile(path.resolve(this.baseDir, key));
  }

  async head(key: string): Promise<{ size: number; metadata: Record<string, string> }> {
    return { size: (await stat(path.resolve(this.baseDir, key))).size, metadata: {} };
  }

  async stream(key: string): Promise<Readable> {
    const stream = createReadStream(path.resolve(this.baseDir, key));
    await new Promise((resolve, reject) => stream.once('open', resolve).once('error', reject));
    return stream;
  }

  async write(key: string, content: string, _contentType?: string): Promise<void> {
    await writeFile(path.resolve(this.baseDir, key), content, 'utf8');
  }
}
