import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pagination, parseListQuery } from '../../src/web/staff/enforcement/listQuery.ts';

describe('list queries', () => {
  it('keep known filters, treat empty as any, and report dates they cannot read', () => {
    const query = parseListQuery({ name: '  Lan ', role: '', from: '2007-13-45', to: '2007-02-01', page: '3', injected: 'x' }, ['name', 'role', 'from', 'to']);
    expect(query.filters).toEqual({ name: 'Lan', role: undefined, from: undefined, to: '2007-02-01' });
    expect(query.values['from']).toBe('2007-13-45');
    expect(query.errors.map((e) => e.field)).toEqual(['from']);
    expect(query.page).toBe(3);
    expect(parseListQuery({ page: '-1' }, []).page).toBe(1);
  });

  it('page with GOV.UK pagination items, an ellipsis for gaps, and the filters kept in every link', () => {
    const result = pagination('/people', { name: 'lan', role: '' }, 5, PAGE_SIZE * 10);
    expect(result?.previous?.href).toBe('/people?name=lan&page=4');
    expect(result?.next?.href).toBe('/people?name=lan&page=6');
    expect(result?.items.map((i) => ('number' in i ? i.number : '…'))).toEqual([1, '…', 4, 5, 6, '…', 10]);
    expect(result?.items.find((i) => 'current' in i && i.current)).toMatchObject({ number: 5 });
    expect(pagination('/people', {}, 1, PAGE_SIZE)).toBeNull();
  });
});
