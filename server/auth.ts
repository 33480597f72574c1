import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Db } from './db/database.js';
import { ProblemError } from './problem.js';
import { onThisMachine, proxyClaim } from './proxies.js';
import { DEMO_LABEL, hashToken } from './tokens.js';

export interface AuthOptions {
  /**
   * A header set by an intranet SSO proxy that names the signed-in person by id or email
   * (for example `X-Remote-User`). Only enable it behind a proxy that strips it from clients.
   */
  trustedHeader?: string;
  /**
   * Whether an address is a proxy's whose `trustedHeader` is believed (default: loopback only). The
   * header sent from anywhere else is refused with 401, so a client that reaches the server past
   * the proxy cannot name whom it likes. Requests made in this process (`app.request()`) are believed.
   */
  trustedFrom?: (address: string) => boolean;
  /** Demo mode: a token in the `peerkit_demo` cookie counts as a bearer token. */
  demoCookie?: boolean;
  /**
   * Whether the demo organisation's tokens (`demo-<id>`, known to all) are accepted. The server
   * accepts them only while the demo sign-in is on; `createApp` accepts them unless told not to.
   */
  demoTokens?: boolean;
}

export const DEMO_COOKIE = 'peerkit_demo';

export type AppEnv = { Variables: { personId: string } };

/** Who is asking: a bearer token (stored hashed) or, when enabled, a trusted proxy header. */
export function authenticate(db: Db, options: AuthOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (options.trustedHeader) {
      const { claimed, untrusted } = proxyClaim(c, options.trustedHeader, options.trustedFrom ?? onThisMachine);
      if (untrusted) {
        // No valid credentials, as the contract's 401 says: the header counts only from the proxy.
        throw new ProblemError(
          401,
          'Untrusted proxy',
          `The ${options.trustedHeader} header is believed only from the proxies PEERKIT_TRUSTED_PROXIES lists; this request came from ${untrusted}.`,
        );
      }
      if (claimed) {
        const person = await db
          .selectFrom('people')
          .select(['id', 'left_on'])
          .where((eb) => eb.or([eb('id', '=', claimed), eb('email', '=', claimed.toLowerCase())]))
          .executeTakeFirst();
        if (!person)
          throw new ProblemError(401, 'Unknown user', `The ${options.trustedHeader} header names no person.`);
        if (person.left_on)
          throw new ProblemError(
            401,
            'Left the organisation',
            `The ${options.trustedHeader} header names someone who has left.`,
          );
        c.set('personId', person.id);
        return next();
      }
    }
    const cookie = options.demoCookie ? getCookie(c, DEMO_COOKIE) : undefined;
    const header = c.req.header('Authorization') ?? (cookie ? `Bearer ${cookie}` : '');
    const match = /^Bearer\s+(\S{1,512})$/i.exec(header);
    if (!match) {
      throw new ProblemError(
        401,
        'Unauthorized',
        'Send a bearer token in the Authorization header.',
        {},
        {
          'WWW-Authenticate': 'Bearer realm="peerkit"',
        },
      );
    }
    // Leaving revokes a person's tokens; should one be left behind, the join refuses it all the same.
    const token = await db
      .selectFrom('access_tokens')
      .innerJoin('people', 'people.id', 'access_tokens.person_id')
      .select(['access_tokens.person_id', 'access_tokens.label'])
      .where('access_tokens.token_hash', '=', hashToken(match[1]))
      .where('people.left_on', 'is', null)
      .executeTakeFirst();
    if (!token || (options.demoTokens === false && token.label === DEMO_LABEL)) {
      throw new ProblemError(
        401,
        'Unauthorized',
        'The bearer token is not valid.',
        {},
        {
          'WWW-Authenticate': 'Bearer realm="peerkit", error="invalid_token"',
        },
      );
    }
    c.set('personId', token.person_id);
    return next();
  };
}
