/**
 * The Content-Security-Policy the site works under: scripts and styles only from the site
 * itself (JSON-LD is data, not script), WebAssembly for Pagefind, nothing from elsewhere.
 * `frame-ancestors` only works as a header, so the `<meta>` form leaves it out.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The same policy as sent in an HTTP header, where `frame-ancestors` takes effect too. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
