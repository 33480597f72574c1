import { dayOnly, idempotencyOwner } from '../idempotency.js';
import type { Database } from './schema.js';
import {
  type ColumnDefinitionBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  sql,
} from 'kysely';

/* Migrations are plain Kysely schema builders with portable types only (text, integer, bigint),
   so the same list runs on SQLite and PostgreSQL. Append; never edit one that has shipped. */
export type Dialect = 'sqlite' | 'postgres';

/** The list, for one database. */
/** Every migration, by name, in the order they run. */
export const migrationsFor = (dialect: Dialect): Record<string, Migration> => {
  // The one thing the two spell differently: an integer key that numbers itself.
  const serial = (c: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
  return {
    '0001_people': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('departments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('people')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
          .addColumn('location', 'text', (c) => c.notNull())
          .addColumn('time_zone', 'text', (c) => c.notNull())
          .addColumn('has_photo', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('manager_id', 'text', (c) => c.references('people.id'))
          .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
          .execute();
        await db.schema.createIndex('people_name').on('people').columns(['name', 'id']).execute();
        await db.schema.createIndex('people_department').on('people').column('department_id').execute();
        await db.schema
          .createTable('access_tokens')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('access_tokens').execute();
        await db.schema.dropTable('people').execute();
        await db.schema.dropTable('departments').execute();
      },
    },
    '0002_skills': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('skills')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('synonyms', 'text', (c) => c.notNull().defaultTo('[]'))
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('skills').execute();
      },
    },
    '0003_mentoring': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('learning_goals')
          .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
          .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id'))
          .addPrimaryKeyConstraint('learning_goals_pk', ['person_id', 'skill_id'])
          .execute();
        await db.schema
          .createTable('mentor_profiles')
          .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
          .addColumn('bio', 'text', (c) => c.notNull())
          .addColumn('capacity', 'integer', (c) => c.notNull())
          .addColumn('active_mentees', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('accepting', 'integer', (c) => c.notNull())
          .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('median_response_hours', 'real')
          .addCheckConstraint('mentor_capacity_holds', sql`active_mentees <= capacity`)
          .execute();
        await db.schema
          .createTable('mentor_expertise')
          .addColumn('person_id', 'text', (c) => c.notNull().references('mentor_profiles.person_id'))
          .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id'))
          .addColumn('level', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('mentor_expertise_pk', ['person_id', 'skill_id'])
          .execute();
        await db.schema
          .createTable('mentorship_requests')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('mentee_id', 'text', (c) => c.notNull().references('people.id'))
          .addColumn('mentor_id', 'text', (c) => c.notNull().references('mentor_profiles.person_id'))
          .addColumn('goal', 'text', (c) => c.notNull())
          .addColumn('message', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('responded_at', 'text')
          .execute();
        await db.schema
          .createIndex('mentorship_requests_mentor')
          .on('mentorship_requests')
          .columns(['mentor_id', 'state'])
          .execute();
        await db.schema
          .createIndex('mentorship_requests_mentee')
          .on('mentorship_requests')
          .columns(['mentee_id', 'state'])
          .execute();
        await db.schema
          .createTable('circles')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('topic', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('lead_id', 'text', (c) => c.notNull().references('people.id'))
          .addColumn('capacity', 'integer', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('circle_members')
          .addColumn('circle_id', 'text', (c) => c.notNull().references('circles.id'))
          .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
          .addColumn('joined_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('circle_members_pk', ['circle_id', 'person_id'])
          .execute();
        await db.schema
          .createTable('idempotency_keys')
          .addColumn('person_id', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('route', 'text', (c) => c.notNull())
          .addColumn('status', 'integer', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('idempotency_keys_pk', ['person_id', 'key', 'route'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const table of [
          'idempotency_keys',
          'circle_members',
          'circles',
          'mentorship_requests',
          'mentor_expertise',
          'mentor_profiles',
          'learning_goals',
        ]) {
          await db.schema.dropTable(table).execute();
        }
      },
    },
    '0004_kudos': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('company_values')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('emoji', 'text', (c) => c.notNull())
          .addColumn('position', 'integer', (c) => c.notNull())
          .execute();
        // seq orders the feed and is the keyset of its cursors; id is what clients see.
        await db.schema
          .createTable('kudos')
          .addColumn('seq', 'integer', serial)
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('giver_id', 'text', (c) => c.notNull().references('people.id'))
          .addColumn('message', 'text', (c) => c.notNull())
          .addColumn('visibility', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('kudos_giver').on('kudos').columns(['giver_id', 'seq']).execute();
        for (const [table, column, reference] of [
          ['kudos_recipients', 'person_id', 'people.id'],
          ['kudos_mentions', 'person_id', 'people.id'],
          ['kudos_values', 'value_id', 'company_values.id'],
        ] as const) {
          await db.schema
            .createTable(table)
            .addColumn('kudos_seq', 'integer', (c) => c.notNull().references('kudos.seq'))
            .addColumn(column, 'text', (c) => c.notNull().references(reference))
            .addPrimaryKeyConstraint(`${table}_pk`, ['kudos_seq', column])
            .execute();
          await db.schema.createIndex(`${table}_by_${column}`).on(table).columns([column, 'kudos_seq']).execute();
        }
        await db.schema
          .createTable('kudos_reactions')
          .addColumn('kudos_seq', 'integer', (c) => c.notNull().references('kudos.seq'))
          .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
          .addColumn('reaction', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('kudos_reactions_pk', ['kudos_seq', 'person_id', 'reaction'])
          .execute();
        // What the live stream sends, in order; its id is the SSE event id clients resume from.
        await db.schema
          .createTable('kudos_events')
          .addColumn('id', 'integer', serial)
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('kudos_seq', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const table of [
          'kudos_events',
          'kudos_reactions',
          'kudos_values',
          'kudos_mentions',
          'kudos_recipients',
          'kudos',
          'company_values',
        ]) {
          await db.schema.dropTable(table).execute();
        }
      },
    },
    '0005_skill_ratings': {
      async up(db: Kysely<unknown>) {
        // One rating per person, skill and source; the newest of them is the person's current level.
        await db.schema
          .createTable('skill_ratings')
          .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
          .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id'))
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('level', 'integer', (c) => c.notNull())
          .addColumn('assessed_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('skill_ratings_pk', ['person_id', 'skill_id', 'source'])
          .addCheckConstraint('skill_level_range', sql`level between 0 and 5`)
          .execute();
        await db.schema
          .createIndex('skill_ratings_by_skill')
          .on('skill_ratings')
          .columns(['skill_id', 'level'])
          .execute();
        await db.schema
          .createTable('skill_targets')
          .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
          .addColumn('skill_id', 'text', (c) => c.notNull().references('skills.id'))
          .addColumn('level', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('skill_targets_pk', ['department_id', 'skill_id'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('skill_targets').execute();
        await db.schema.dropTable('skill_ratings').execute();
      },
    },
    '0006_feedback': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('feedback_templates')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('kinds', 'text', (c) => c.notNull())
          .addColumn('questions', 'text', (c) => c.notNull())
          .addColumn('position', 'integer', (c) => c.notNull())
          .execute();
        // Anonymous feedback has no giver column value at all, and the database refuses one:
        // who sent it is not part of the record. Ids are random and the date is the week's Monday.
        await db.schema
          .createTable('feedback')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('template_id', 'text', (c) => c.notNull().references('feedback_templates.id'))
          .addColumn('template_name', 'text', (c) => c.notNull())
          .addColumn('questions', 'text', (c) => c.notNull())
          .addColumn('recipient_id', 'text', (c) => c.notNull().references('people.id'))
          .addColumn('giver_id', 'text', (c) => c.references('people.id'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('answers', 'text', (c) => c.notNull())
          .addColumn('visibility', 'text', (c) => c.notNull())
          .addColumn('anonymous', 'integer', (c) => c.notNull())
          .addColumn('received_on', 'text', (c) => c.notNull())
          .addCheckConstraint(
            'feedback_anonymous_has_no_giver',
            sql`(anonymous = 1 and giver_id is null) or (anonymous = 0 and giver_id is not null)`,
          )
          .execute();
        await db.schema
          .createIndex('feedback_by_recipient')
          .on('feedback')
          .columns(['recipient_id', 'received_on', 'id'])
          .execute();
        // How much a person sent per day, for the daily limit: counts only, linked to no feedback.
        await db.schema
          .createTable('feedback_quota')
          .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('feedback_quota_pk', ['person_id', 'day'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('feedback_quota').execute();
        await db.schema.dropTable('feedback').execute();
        await db.schema.dropTable('feedback_templates').execute();
      },
    },
    '0007_idempotency_request': {
      async up(db: Kysely<unknown>) {
        // A key reused for a different request is refused; older rows have no hash and are not compared.
        await db.schema.alterTable('idempotency_keys').addColumn('request_hash', 'text').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('idempotency_keys').dropColumn('request_hash').execute();
      },
    },
    '0008_rate_windows': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('rate_windows')
          .addColumn('client', 'text', (c) => c.primaryKey())
          .addColumn('started', 'bigint', (c) => c.notNull())
          .addColumn('hits', 'integer', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('rate_windows_started').on('rate_windows').column('started').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('rate_windows').execute();
      },
    },
    '0009_idempotency_owner': {
      // The stored answers no longer name their person (see `idempotencyOwner`): a backup could
      // otherwise tell who sent each anonymous feedback, to whom and when. Kept answers carry over,
      // so a send retried across the upgrade is still replayed, not stored twice.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('idempotency_records')
          .addColumn('owner', 'text', (c) => c.primaryKey())
          .addColumn('status', 'integer', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('request_hash', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('idempotency_records_created')
          .on('idempotency_records')
          .column('created_at')
          .execute();
        const old = db as Kysely<IdempotencyBefore0009 & Pick<Database, 'idempotency_records'>>;
        const rows = await old.selectFrom('idempotency_keys').selectAll().execute();
        for (let i = 0; i < rows.length; i += 100) {
          await old
            .insertInto('idempotency_records')
            .values(
              rows.slice(i, i + 100).map((row) => ({
                owner: idempotencyOwner(row.person_id, row.route, row.key),
                status: row.status,
                body: row.body,
                request_hash: row.request_hash,
                created_at: row.status > 0 ? dayOnly(row.created_at) : row.created_at,
              })),
            )
            .execute();
        }
        await db.schema.dropTable('idempotency_keys').execute();
      },
      async down(db: Kysely<unknown>) {
        // The people cannot be recovered from the hashes: the answers kept for replays are dropped.
        await db.schema
          .createTable('idempotency_keys')
          .addColumn('person_id', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('route', 'text', (c) => c.notNull())
          .addColumn('status', 'integer', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('request_hash', 'text')
          .addPrimaryKeyConstraint('idempotency_keys_pk', ['person_id', 'key', 'route'])
          .execute();
        await db.schema.dropTable('idempotency_records').execute();
      },
    },
    '0010_photo_url': {
      // A photo from the organisation's own directory (`npm run admin -- import`), shown instead of
      // the generated portrait of the demo people.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('people').addColumn('photo_url', 'text').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('people').dropColumn('photo_url').execute();
      },
    },
    '0011_left_on': {
      // The day a person left the organisation (`npm run admin -- leave`, or an import). They stay
      // on record for what they gave and received, and are no longer listed, matched or reachable.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('people').addColumn('left_on', 'text').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('people').dropColumn('left_on').execute();
      },
    },
    '0012_feedback_quota_holder': {
      // Today's counts, kept under a keyed hash of the person and the day (`quotaHolder`) instead of
      // the person: a copy of the database then cannot subtract the named feedback someone sent
      // today from their count and learn how much anonymous feedback they sent. The counts only
      // ever served today's limit, so the old rows go.
      async up(db: Kysely<unknown>) {
        await db.schema.dropTable('feedback_quota').execute();
        await db.schema
          .createTable('feedback_quota')
          .addColumn('holder', 'text', (c) => c.notNull())
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('feedback_quota_pk', ['holder', 'day'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('feedback_quota').execute();
        await db.schema
          .createTable('feedback_quota')
          .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('feedback_quota_pk', ['person_id', 'day'])
          .execute();
      },
    },
    '0013_idempotency_location': {
      // A replayed answer is the first one again, `Location` included (it names what was created).
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('idempotency_records').addColumn('location', 'text').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('idempotency_records').dropColumn('location').execute();
      },
    },
    '0014_kudos_removed': {
      // A kudos its giver deleted is gone with its recipients, values and reactions; the stream tells
      // the feeds that show it by its id, which is all that is left of it.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('kudos_events').addColumn('kudos_id', 'text').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('kudos_events').dropColumn('kudos_id').execute();
      },
    },
    '0015_kudos_edited': {
      // Its giver may change the message and values of kudos they gave; readers see that it was.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('kudos').addColumn('edited_at', 'text').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('kudos').dropColumn('edited_at').execute();
      },
    },
  };
};

/** The stored answers for `Idempotency-Key` before 0009, which named their person. */
export interface IdempotencyBefore0009 {
  idempotency_keys: Omit<Database['idempotency_records'], 'owner'> & { person_id: string; key: string; route: string };
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrate(
  db: Kysely<unknown>,
  dialect: Dialect = 'sqlite',
  options: { inTransaction?: boolean; /** Stop after this migration (tests of a migration). */ to?: string } = {},
) {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  // Inside the caller's transaction (`inTransaction`), the migrations must not open one of their own.
  const migrator = new Migrator({ db, provider, disableTransactions: options.inTransaction });
  const { error, results } = await (options.to ? migrator.migrateTo(options.to) : migrator.migrateToLatest());
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    // No failed migration: the database could not be reached or read, which its own error says best.
    if (!failed) throw error;
    throw new Error(`migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
}
