/**
 * What `dist/peerkit.js` uses in place of `lazy-rest.ts`: the REST client is in that one file anyway,
 * so the default backend is a `RestBackend` itself, without a wrapper that would wait for its code.
 */
export { RestBackend as LazyRestBackend } from './rest-backend.js';
