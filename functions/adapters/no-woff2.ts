/**
 * Stands in for `brotli/decompress.js` in the deployed bundles (an esbuild alias in
 * infra/constructs/house-function.ts). fontkit needs brotli only to open WOFF2 fonts; the PDFs are
 * set in the TTFs of assets/fonts, and the 475 KB decoder would otherwise double the worker's bundle.
 */
export default function decompress(): never {
  throw new Error('WOFF2 fonts are not supported in this bundle: ship TrueType (.ttf) fonts');
}
