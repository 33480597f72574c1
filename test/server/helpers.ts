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

/** Reads server-sent events from a response until `stop` says so, or fails after `timeout` ms. */
export async function readEvents(
  response: Response,
  stop: (events: { event: string; id: string; data: string }[]) => boolean,
  timeout = 5000,
) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: { event: string; id: string; data: string }[] = [];
  let buffer = '';
  const deadline = Date.now() + timeout;
  try {
    while (!stop(events)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event in ${timeout} ms; got ${events.map((e) => e.event)}`);
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('stream timed out')), left)),
      ]);
      if (chunk.done) break;
      buffer += chunk.value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = { event: 'message', id: '', data: '' };
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(': ');
          if (field === 'event') event.event = rest.join(': ');
          if (field === 'id') event.id = rest.join(': ');
          if (field === 'data') event.data += rest.join(': ');
        }
        if (event.data) events.push(event);
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}
