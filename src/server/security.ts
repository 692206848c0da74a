/** Security headers on every response: a CSP with no inline script, no framing, no sniffing, no referrer. */
import { secureHeaders } from 'hono/secure-headers';

export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // The report's SVG charts carry style attributes; scripts stay strictly same-origin files.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: CSP,
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: 'same-origin',
  });
