/**
 * Statements prepared once per database handle. The few queries that run on every request (the
 * signed-in session, the session an RSVP or attendance mark is about) skip building their SQL
 * each time, and on PostgreSQL they become named statements that each connection parses once.
 * Names must be unique per statement text (PostgreSQL keeps them per connection).
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client';

export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let statement = cache.get(db);
    if (statement === undefined) {
      statement = build(db);
      cache.set(db, statement);
    }
    return statement;
  };
}

const dialect = new PgDialect();

/**
 * A hand-written statement (with `sql.placeholder`s for its values) prepared like the query
 * builders' `.prepare(name)`: for statements the builders cannot express, such as one that writes
 * to two tables through data-modifying CTEs.
 */
export function preparedSql(name: string, statement: SQL): (db: Db) => { execute(values: Record<string, unknown>): Promise<unknown> } {
  const query = dialect.sqlToQuery(statement);
  return preparedFor((db) => db._.session.prepareQuery(query, undefined, name, false));
}
