import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/store/database.ts';

describe('the SQLite statement cache', () => {
  const connection = new SQLite(':memory:');
  connection.exec('create table t (n integer)');
  connection.exec('insert into t values (1), (2), (3)');

  it('hands out the same prepared statement for the same SQL', () => {
    const database = withStatementCache(connection);
    const first = database.prepare('select n from t where n > ?');
    expect(database.prepare('select n from t where n > ?')).toBe(first);
    expect(first.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(database.prepare('select n from t where n < ?')).not.toBe(first);
  });

  it('prepares a new statement while the cached one is busy in an iteration', () => {
    const database = withStatementCache(connection);
    const outer = database.prepare('select n from t order by n');
    const seen: Array<[unknown, unknown[]]> = [];
    for (const row of outer.iterate([])) {
      const inner = database.prepare('select n from t order by n');
      expect(inner).not.toBe(outer);
      seen.push([row, inner.all([])]);
    }
    expect(seen).toHaveLength(3);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const database = withStatementCache(connection, 2);
    const a = database.prepare('select 1');
    const b = database.prepare('select 2');
    expect(database.prepare('select 1')).toBe(a);
    database.prepare('select 3');
    expect(database.prepare('select 1')).toBe(a);
    expect(database.prepare('select 2')).not.toBe(b);
  });

  it('sees a column added after the statement was prepared', () => {
    const database = withStatementCache(connection);
    expect(database.prepare('select * from t limit 1').all([])).toEqual([{ n: 1 }]);
    connection.exec('alter table t add column m integer default 7');
    expect(database.prepare('select * from t limit 1').all([])).toEqual([{ n: 1, m: 7 }]);
  });
});
