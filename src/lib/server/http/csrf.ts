/**
 * Cross-site request refusal for every state-changing request: tRPC mutations (JSON), form
 * actions, the upload endpoint, sign-out. SvelteKit's own check covers form content types only;
 * a JSON or raw-bytes POST from another site would pass it.
 *
 * The request's Origin must be this site's origin (or a configured TRUSTED_ORIGINS entry). When
 * a client sends no Origin, the Referer's origin is used; with neither, the request is refused:
 * browsers always send one of them on these requests, and scripts can add the header.
 * SameSite=Lax on the session cookie is the second line: it is not sent on cross-site POSTs.
 */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface CrossSiteRefusal {
  readonly origin: string | null;
  readonly message: string;
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

export function crossSiteRefusal({ method, headers, url, trustedOrigins = [] }: {
  method: string; headers: Headers; url: URL; trustedOrigins?: readonly string[];
}): CrossSiteRefusal | null {
  if (!STATE_CHANGING.has(method.toUpperCase())) return null;
  const allowed = (origin: string | null) => origin !== null && origin !== 'null' && (origin === url.origin || trustedOrigins.includes(origin));
  const origin = headers.get('origin');
  const referer = headers.get('referer');
  const claimed = origin ?? (referer ? originOf(referer) ?? 'invalid referer' : null);
  if (claimed === null) {
    return { origin: null, message: `Refused: a ${method} request must carry an Origin header naming this site (${url.origin}). Browsers add it; scripts must set it.` };
  }
  if (allowed(claimed)) return null;
  return {
    origin: claimed,
    message: `Refused: a ${method} request from ${claimed} cannot change data here. Use the studio at ${url.origin}, or add the origin to TRUSTED_ORIGINS if it is yours.`,
  };
}
