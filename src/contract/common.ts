import { z } from 'zod';

/** An identifier as it appears in paths and query strings. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must contain only letters, digits, "_", ".", ":" or "-"');

/** A cursor is opaque to clients: they pass back what they were given. */
export const Cursor = z.string().min(1).max(512);

export const PageQuery = z.object({
  cursor: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** A page of a list: `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
  });
}

/** RFC 9457 problem details; every error answer of the API has this shape. */
export const Problem = z
  .object({
    type: z.string().default('about:blank'),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    /** Field-level validation messages, when the request was invalid. */
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          value: z.string().optional().meta({ description: 'The value that was refused (unknown filters).' }),
          meant: z
            .string()
            .optional()
            .meta({ description: 'The id that the refused value most likely meant (unknown filters).' }),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof Problem>;
export type PageQuery = z.infer<typeof PageQuery>;
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
