import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { pathToFileURL } from 'node:url';
import { ImportError, exportOrganisation, importOrganisation, type ImportSummary } from './organisation.js';
import { openConfiguredDatabase } from './settings.js';
import { findPerson, createToken, listTokens, revokeTokens } from './tokens.js';
import { rewriteStorage } from './db/database.js';
import { ERASE_TOUCHES, ERASED_NAME, erase, markBack, markLeft, today } from './leavers.js';
import { removeKudos } from './routes/kudos.js';
import { personData } from './person-data.js';

const USAGE = `Usage: npm run admin -- <command>

  import <file.json>             add or update the organisation in the file (all of it, or nothing)
  import --dry-run <file.json>   check the file and say what it would change; change nothing
  import --mark-leavers <file>   the file lists everyone: those stored it leaves out have left
                                 (with --dry-run too, to see how many first); at most a tenth
                                 of the people, unless --max-leavers=N allows more
  export                         print the stored organisation in the form import reads
  leave <person>                 someone (id or email) has left: tokens revoked, mentorships and
                                 requests closed, out of listings; what they gave stays
  rejoin <person>                someone who left is back (they need a new token)
  erase <person>                 forget someone who has left: their details, ratings, requests
                                 and the feedback they got; kudos name them "Former colleague"
  data <person>                  print, as JSON, everything stored about someone (id or email),
                                 for their request to see their data
  kudos delete <id>              delete kudos that break the rules: gone for everyone, with
                                 their reactions; open feeds drop them
  backup <file>                  copy a SQLite database, whole and consistent, while the server
                                 runs (copying the file itself may catch a write half done); on
                                 PostgreSQL, use pg_dump
  token create <person> <label>  print a new bearer token for a person (id or email); shown once
  token list [person]            list tokens: person, label, date (never the token itself)
  token revoke <person> [label]  revoke a person's tokens with that label, or all of them

The database is the server's: DATABASE_URL, else PEERKIT_DB, else data/peerkit.db. An empty
database is not given the demo organisation here.`;

/** Runs one admin command; returns the exit code. Output goes to `out`, problems to `err`. */
export async function admin(
  args: string[],
  env: NodeJS.ProcessEnv,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const [command, sub, ...rest] = args;
  const flags = command === 'import' ? args.slice(1, -1) : [];
  const dryRun = flags.includes('--dry-run');
  const markLeavers = flags.includes('--mark-leavers');
  const most = flags.find((flag) => flag.startsWith('--max-leavers='));
  const maxLeavers = most === undefined ? undefined : Number(most.slice('--max-leavers='.length));
  const file = args.at(-1)!;
  const known =
    (command === 'import' &&
      args.length >= 2 &&
      !file.startsWith('--') &&
      new Set(flags).size === flags.length &&
      flags.every((flag) => flag === '--dry-run' || flag === '--mark-leavers' || flag === most) &&
      (maxLeavers === undefined || (markLeavers && Number.isInteger(maxLeavers) && maxLeavers >= 0))) ||
    (command === 'export' && !sub) ||
    (command === 'backup' && sub && !rest.length) ||
    ((command === 'leave' || command === 'rejoin' || command === 'erase' || command === 'data') &&
      sub &&
      !rest.length) ||
    (command === 'kudos' && sub === 'delete' && rest.length === 1) ||
    (command === 'token' && sub === 'create' && rest.length === 2) ||
    (command === 'token' && sub === 'list' && rest.length <= 1) ||
    (command === 'token' && sub === 'revoke' && rest.length >= 1 && rest.length <= 2);
  if (!known) {
    err(USAGE);
    return 2;
  }
  let input: unknown;
  if (command === 'import') {
    try {
      input = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      err(`Could not read ${file}: ${(error as Error).message}`);
      return 1;
    }
  }
  if (command === 'backup' && env.DATABASE_URL) {
    err(
      'A PostgreSQL database is backed up with PostgreSQL\'s own tools: pg_dump --format=custom --file=peerkit.dump "$DATABASE_URL"',
    );
    return 1;
  }
  let opened: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    opened = await openConfiguredDatabase(env, false);
  } catch (error) {
    err((error as Error).message);
    return 1;
  }
  const { db, shown } = opened;
  try {
    if (command === 'import') {
      const summary = await importOrganisation(db, input, {
        dryRun,
        markLeavers,
        maxLeavers,
        warn: (message) => err(`Note: ${message}`),
      });
      out(dryRun ? `The file is fine. Imported into ${shown}, it would change:` : `Imported into ${shown}:`);
      for (const [section, { added, updated, left, back }] of Object.entries(summary) as [
        keyof ImportSummary,
        ImportSummary[keyof ImportSummary],
      ][]) {
        const also = [left ? `${left} left` : '', back ? `${back} back` : ''].filter(Boolean);
        if (added || updated || also.length) {
          out(`  ${section}: ${[`${added} added`, `${updated} updated`, ...also].join(', ')}`);
        }
      }
    } else if (command === 'erase') {
      const person = await findPerson(db, sub);
      const { texts } = await db.transaction().execute((trx) => erase(trx, person.id));
      out(
        `Erased ${person.name} (${person.id}): their details, skills, mentoring and the feedback they got are gone; the kudos and feedback they gave now name "${ERASED_NAME}".`,
      );
      out(
        texts
          ? `Their full name or email was replaced in ${texts} ${texts === 1 ? 'text' : 'texts'} others wrote. Look for nicknames or a given name alone yourself.`
          : 'No text others wrote named them in full or by email. Look for nicknames or a given name alone yourself.',
      );
      out(
        (await rewriteStorage(db, ERASE_TOUCHES))
          ? 'The database was rewritten: its files keep no earlier copy of their details. Backups made before still do.'
          : 'The database was rewritten, but another connection still reads an earlier state: the write-ahead log keeps some of it until its next checkpoint. Backups made before keep their details too.',
      );
    } else if (command === 'data') {
      const person = await findPerson(db, sub);
      out(JSON.stringify({ exportedAt: new Date().toISOString(), ...(await personData(db, person.id)) }, null, 2));
    } else if (command === 'leave' || command === 'rejoin') {
      const person = await findPerson(db, sub);
      const changed = await db
        .transaction()
        .execute((trx) => (command === 'leave' ? markLeft(trx, [person.id], today()) : markBack(trx, [person.id])));
      if (command === 'leave') {
        out(
          changed
            ? `${person.name} (${person.id}) has left: their tokens are revoked, their mentorships ended and their requests closed.`
            : `${person.name} (${person.id}) had already left, on ${person.left_on}.`,
        );
      } else {
        out(
          changed
            ? `${person.name} (${person.id}) is back. Make them a token: token create ${person.id} <label>`
            : person.left_on
              ? `${person.name} (${person.id}) was erased: list them in an import to bring them back.`
              : `${person.name} (${person.id}) had not left.`,
        );
      }
    } else if (command === 'kudos') {
      const row = await db
        .selectFrom('kudos')
        .innerJoin('people', 'people.id', 'kudos.giver_id')
        .select(['kudos.seq', 'kudos.id', 'kudos.created_at', 'people.name'])
        .where('kudos.id', '=', rest[0])
        .executeTakeFirst();
      if (!row) {
        err(`No kudos has the id "${rest[0]}" (deleted already?).`);
        return 1;
      }
      await removeKudos(db, row);
      out(
        `Deleted the kudos ${row.name} gave on ${row.created_at.slice(0, 10)} (${row.id}), with its reactions; open feeds drop it.`,
      );
    } else if (command === 'backup') {
      if (shown === 'SQLite :memory:') {
        err('A database in memory has nothing to back up.');
        return 1;
      }
      try {
        // Made empty first, readable by its owner only (it holds everyone's feedback), and never over another file.
        writeFileSync(sub, '', { mode: 0o600, flag: 'wx' });
      } catch (error) {
        err(
          (error as NodeJS.ErrnoException).code === 'EEXIST'
            ? `${sub} exists already: name a new file, so that no earlier backup is overwritten.`
            : `Could not write ${sub}: ${(error as Error).message}`,
        );
        return 1;
      }
      // One read of the whole database as it is at one moment, written out compacted; writers go on meanwhile.
      try {
        await sql`vacuum into ${resolve(sub)}`.execute(db);
      } catch (error) {
        // A half-written copy must not pass for a backup, nor block the next try.
        rmSync(sub, { force: true });
        err(`The backup failed, and the unfinished ${sub} was removed: ${(error as Error).message}`);
        return 1;
      }
      const { people } = await db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('people'))
        .executeTakeFirstOrThrow();
      const { kudos } = await db
        .selectFrom('kudos')
        .select((eb) => eb.fn.countAll<number>().as('kudos'))
        .executeTakeFirstOrThrow();
      out(`Backed up ${shown} to ${sub}: ${people} people, ${kudos} kudos, as they were at one moment.`);
      out(
        'To restore it, stop the server and put the file in place of the database (remove its -wal and -shm files). Keep the .secret file beside the database as it is: a backup does not hold it.',
      );
    } else if (command === 'export') {
      out(JSON.stringify(await exportOrganisation(db), null, 2));
    } else if (sub === 'create') {
      const { token, person } = await createToken(db, rest[0], rest[1]);
      out(token);
      err(`A token for ${person.name} (${person.id}), labelled "${rest[1].trim()}". It is shown only now.`);
    } else if (sub === 'list') {
      for (const t of await listTokens(db, rest[0])) out(`${t.personId}\t${t.name}\t${t.label}\t${t.createdAt}`);
    } else {
      const { person, revoked } = await revokeTokens(db, rest[0], rest[1]);
      out(`Revoked ${revoked} token${revoked === 1 ? '' : 's'} of ${person.name} (${person.id}).`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      err(`${error.message}; nothing was imported:`);
      for (const e of error.errors) err(`  ${e.path}: ${e.message}`);
    } else {
      err((error as Error).message);
    }
    return 1;
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await admin(
    process.argv.slice(2),
    process.env,
    (line) => console.log(line),
    (line) => console.error(line),
  );
}
