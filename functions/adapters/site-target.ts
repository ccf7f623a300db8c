import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { CdnInvalidator, SiteFile, SiteTarget } from '../ports/site-target';

/** Browsers and CloudFront keep a page five minutes: the figures change once a working day. */
const cacheControl = 'public, max-age=300';

/**
 * The site in a private S3 bucket under a prefix (CloudFront's origin path when published). The
 * manifest of content hashes lives outside that prefix, so CloudFront never serves it.
 */
export class S3SiteTarget implements SiteTarget {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly prefix = 'site',
    private readonly manifestKey = 'internal/site-manifest.json',
  ) {}

  private key(p: string) {
    return `${this.prefix}/${p}`;
  }

  async manifest(): Promise<Record<string, string>> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.manifestKey }));
      return JSON.parse((await object.Body?.transformToString()) ?? '{}');
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return {};
      throw error;
    }
  }

  async put(file: SiteFile): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(file.path),
        Body: file.body,
        ContentType: file.contentType,
        CacheControl: cacheControl,
      }),
    );
  }

  async remove(p: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(p) }));
  }

  async saveManifest(manifest: Record<string, string>): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.manifestKey,
        Body: JSON.stringify(manifest),
        ContentType: 'application/json',
      }),
    );
  }
}

/** The site in a folder (`npm start`, `lapor-paman site`): what is on disk is the manifest. */
export class DirectorySiteTarget implements SiteTarget {
  constructor(readonly dir: string) {}

  async manifest(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    const walk = async (sub: string): Promise<void> => {
      const entries = await readdir(path.join(this.dir, sub), { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const rel = sub ? `${sub}/${e.name}` : e.name;
        if (e.isDirectory()) await walk(rel);
        else
          out[rel] = createHash('sha256')
            .update(await readFile(path.join(this.dir, rel)))
            .digest('hex');
      }
    };
    await walk('');
    return out;
  }

  async put(file: SiteFile): Promise<void> {
    const target = path.join(this.dir, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.body, 'utf8');
  }

  async remove(p: string): Promise<void> {
    await rm(path.join(this.dir, ...p.split('/')), { force: true });
  }

  async saveManifest(): Promise<void> {}
}

/** Invalidates changed paths of a CloudFront distribution; the caller reference makes a retry harmless. */
export class CloudFrontInvalidator implements CdnInvalidator {
  constructor(
    private readonly distributionId: string,
    private readonly client = new CloudFrontClient({}),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async invalidate(paths: readonly string[]): Promise<void> {
    const reference = createHash('sha256')
      .update(`${this.clock().toISOString().slice(0, 16)}|${paths.join('|')}`)
      .digest('hex')
      .slice(0, 32);
    await this.client.send(
      new CreateInvalidationCommand({
        DistributionId: this.distributionId,
        InvalidationBatch: {
          CallerReference: reference,
          Paths: { Quantity: paths.length, Items: [...paths] },
        },
      }),
    );
  }
}
