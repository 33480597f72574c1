import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

/* Migrations are plain Kysely schema builders with portable types only (text, integer),
   so the same list runs on SQLite and PostgreSQL. Append; never edit one that has shipped. */
const migrations: Record<string, Migration> = {
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
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrate(db: Kysely<unknown>) {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed`, { cause: error });
  }
}
