import pg from 'pg';

/** Says plainly which databases the API suites run on; fails fast when PostgreSQL is unreachable. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.warn(
      '\n[leadline] TEST_DATABASE_URL is not set: the PostgreSQL suites are SKIPPED; ' +
        'only SQLite runs. Set TEST_DATABASE_URL=postgres://user@host:5432/db to run both.\n',
    );
    return;
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL is unreachable: ${String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  console.info('\n[leadline] API suites run on SQLite and PostgreSQL.\n');
}
