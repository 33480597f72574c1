import type { z } from 'zod';
import { ProblemError } from './problem.js';

/**
 * An opaque keyset cursor: the sort key of the last row of a page, as base64url JSON. Clients
 * pass it back unchanged; anything else is a 400 naming the `cursor` field.
 */
export function keysetCursor<T extends z.ZodType>(shape: T) {
  return {
    encode: (key: z.output<T>) => Buffer.from(JSON.stringify(key)).toString('base64url'),
    decode(cursor: string): z.output<T> {
      try {
        return shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
      } catch {
        throw new ProblemError(400, 'Invalid request', 'The cursor is not one this API gave out.', {
          errors: [{ path: 'cursor', message: 'unknown cursor' }],
        });
      }
    },
  };
}
