import { siteContentSecurityPolicy } from '../templates/site';

/**
 * The response headers of every file of the public site, the same from CloudFront
 * (infra/constructs/public-site.ts) and from `lapor-paman local`: the pages' own policy
 * (templates/site.ts declares it in each page too), plus what only a header can say.
 * frame-ancestors only works as a header, not in a meta tag.
 */
export const siteSecurityHeaders = {
  contentSecurityPolicy: `${siteContentSecurityPolicy}; frame-ancestors 'none'`,
  referrerPolicy: 'no-referrer',
  /** Two years, subdomains included (HSTS preload list minimum is one year). */
  strictTransportSecuritySeconds: 63_072_000,
} as const;
