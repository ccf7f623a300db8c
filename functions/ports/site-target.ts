/** Port: where the public site goes (a folder locally, a private S3 prefix in AWS) and its CDN. */

/** One file of the site, by its path within the site. */
export interface SiteFile {
  path: string;
  contentType: string;
  body: string;
}

export interface SiteTarget {
  /** Content hashes (sha256, hex) of the files published now, by path. */
  manifest(): Promise<Record<string, string>>;
  put(file: SiteFile): Promise<void>;
  remove(path: string): Promise<void>;
  saveManifest(manifest: Record<string, string>): Promise<void>;
}

/** Tells the CDN which paths changed (CloudFront in AWS; nothing locally). */
export interface CdnInvalidator {
  invalidate(paths: readonly string[]): Promise<void>;
}
