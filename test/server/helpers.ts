import { createApp, type AppOptions } from '../../server/app.js';
import { openDatabase } from '../../server/db/database.js';

/** The real app on a fresh in-memory SQLite database, seeded. */
export async function makeApp(options: Partial<AppOptions> = {}) {
  const db = await openDatabase(':memory:');
  const app = createApp({ db, rateLimit: false, ...options });
  const request = (path: string, init: RequestInit & { as?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    const as = init.as === undefined ? 'u0001' : init.as;
    if (as && !headers.has('Authorization')) headers.set('Authorization', `Bearer demo-${as}`);
    return app.request(`http://peerkit.test${path}`, { ...init, headers });
  };
  return { app, db, request };
}

/** Asserts a problem+json answer and returns its body. */
export async function problemOf(response: Response) {
  if (!response.headers.get('Content-Type')?.startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${response.headers.get('Content-Type')} (${response.status})`);
  }
  return (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail?: string;
    errors?: { path: string; message: string }[];
  };
}
