import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/** Where import files come from and where their results go: S3 in AWS, the disk for the CLI. */
export interface FileStore {
  read(key: string): Promise<Buffer>;
  write(key: string, content: string, contentType: string): Promise<void>;
}

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

  async write(key: string, content: string, _contentType?: string): Promise<void> {
    await writeFile(path.resolve(this.baseDir, key), content, 'utf8');
  }
}
