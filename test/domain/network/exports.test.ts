// The FollowTheMoney and i2 exports of a small hand-built network: every FtM entity checked
// against the FtM schema data (../shared/data/followthemoney), links using the FtM schema made for
// them, and i2 tables with one row per entity and per relationship.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { NetworkGraph, type Provenance } from '../../../src/domain/network/graph.ts';
import { ftmId, toFollowTheMoney, toFollowTheMoneyLines } from '../../../src/domain/network/followTheMoney.ts';
import { I2_ENTITY_COLUMNS, I2_LINK_COLUMNS, i2EntityTable, i2LinkTable } from '../../../src/services/export/i2Network.ts';
import { FtmModel, ftmProblems } from '../../support/followTheMoneySchema.ts';

const MET = 'org-met';
const names = new Map([[MET, 'Metropolitan Police']]);
const enforcement: Provenance = { recordType: 'person-found', recordId: 'r1', organisationId: MET, date: '2007-01-10T09:00:00.000Z', grade: null };
const intelligence: Provenance = { recordType: 'intelligence-report', recordId: 'r2', organisationId: MET, date: '2007-03-03', grade: { scheme: '5x5x5', source: 'B', intelligence: '2', handling: '1' } };

function sample(): NetworkGraph {
  const graph = new NetworkGraph();
  graph.addEntity({ key: 'person:a', type: 'person', label: 'Marek Kowal' });
  graph.addEntity({ key: 'person:b', type: 'person', label: 'Potential victim 00A1B2' });
  graph.addEntity({ key: 'organisation:x', type: 'organisation', label: '=Nails Ltd' });
  graph.addEntity({ key: 'premises:p', type: 'premises', label: 'Nail bar, Luton LU1 1AA' });
  graph.addEntity({ key: 'address:LU11AA|1 high street', type: 'address', label: '1 High Street, LU1 1AA' });
  graph.addEntity({ key: 'phone:+447700900123', type: 'phone', label: '+447700900123' });
  graph.addEntity({ key: 'phone:written:07', type: 'phone', label: '07' });
  graph.addEntity({ key: 'vehicle:AB12CDE', type: 'vehicle', label: 'AB12CDE' });
  graph.addEntity({ key: 'bank-account:12345678', type: 'bank-account', label: '12345678 (Barclays)' });
  graph.addEntity({ key: 'email:boss@example.com', type: 'email', label: 'boss@example.com' });
  graph.addEntity({ key: 'advert:adult.example|123', type: 'advert', label: '123 on adult.example' });
  const rel = (id: string, from: string, type: Parameters<NetworkGraph['addRelationship']>[0]['type'], to: string, provenance = intelligence) =>
    graph.addRelationship({ id, from, to, type, provenance });
  rel('1', 'person:a', 'owns', 'phone:+447700900123', enforcement);
  rel('2', 'person:a', 'drives', 'vehicle:AB12CDE');
  rel('3', 'person:a', 'owns', 'vehicle:AB12CDE');
  rel('4', 'person:a', 'paid', 'organisation:x');
  rel('5', 'person:a', 'paid', 'bank-account:12345678');
  rel('6', 'person:a', 'associate-of', 'person:b');
  rel('7', 'person:a', 'family-of', 'person:b');
  rel('8', 'person:b', 'seen-at', 'premises:p', enforcement);
  rel('9', 'person:a', 'lives-at', 'address:LU11AA|1 high street');
  rel('10', 'person:a', 'called', 'organisation:x');
  rel('11', 'person:a', 'called', 'phone:written:07');
  rel('12', 'organisation:x', 'owns', 'premises:p');
  rel('13', 'person:a', 'works-at', 'email:boss@example.com');
  rel('14', 'person:b', 'associate-of', 'advert:adult.example|123');
  return graph;
}

describe('FollowTheMoney export', () => {
  const model = new FtmModel();

  it('reads the FtM schema data it validates against', () => {
    expect(model.schemata.size).toBeGreaterThan(60);
    expect(model.required('Ownership')).toEqual(['owner', 'asset']);
    expect(model.isA('Vehicle', 'Asset')).toBe(true);
  });

  it('writes entities that fit the FtM schema: known, concrete schemas, defined properties, required values, references in range', () => {
    const entities = toFollowTheMoney(sample(), names);
    expect(ftmProblems(model, entities)).toEqual([]);
    expect(entities).toHaveLength(11 + 14);
  });

  it('maps each entity type and relationship to the FtM schema made for it', () => {
    const entities = toFollowTheMoney(sample(), names);
    const byId = new Map(entities.map((e) => [e.id, e]));
    const schemaOf = (key: string) => byId.get(ftmId(key))?.schema;
    expect(['person:a', 'organisation:x', 'premises:p', 'address:LU11AA|1 high street', 'phone:+447700900123', 'vehicle:AB12CDE', 'bank-account:12345678', 'email:boss@example.com'].map(schemaOf))
      .toEqual(['Person', 'Organization', 'RealEstate', 'Address', 'UserAccount', 'Vehicle', 'BankAccount', 'UserAccount']);
    const links = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [String(i + 1), byId.get(ftmId(`relationship:${i + 1}`))?.schema]));
    expect(links).toEqual({
      1: 'UnknownLink', 2: 'UnknownLink', 3: 'Ownership', 4: 'Payment', 5: 'UnknownLink', 6: 'Associate', 7: 'Family', 8: 'UnknownLink', 9: 'UnknownLink',
      10: 'Call', 11: 'UnknownLink', 12: 'Ownership', 13: 'UnknownLink', 14: 'UnknownLink',
    });
    const ownership = byId.get(ftmId('relationship:3'));
    expect(ownership?.properties).toEqual({
      owner: [ftmId('person:a')], asset: [ftmId('vehicle:AB12CDE')], date: ['2007-03-03'], recordId: ['intelligence-report:r2'],
      publisher: ['Metropolitan Police'], summary: ['Lifeline intelligence-report, graded B21 (5x5x5)'], role: ['owns'],
    });
    // The person who owns a phone carries its number, as FtM platforms cross-reference by phone.
    expect(byId.get(ftmId('person:a'))?.properties['phone']).toEqual(['+447700900123']);
    // A number that could not be read is kept as written, without claiming to be a phone value.
    expect(byId.get(ftmId('phone:written:07'))?.properties).toEqual({ name: ['07'], username: ['07'], service: ['Telephone'] });
    expect(byId.get(ftmId('person:b'))?.properties['name']).toEqual(['Potential victim 00A1B2']);
  });

  it('writes one JSON object a line, and ids that carry no names', () => {
    const lines = toFollowTheMoneyLines(sample(), names).trimEnd().split('\n');
    expect(lines).toHaveLength(25);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('schema');
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id).join(' ')).not.toMatch(/Kowal|AB12|7700/);
  });
});

describe('i2 Analyst’s Notebook tables', () => {
  it('lists every entity with its i2 type, and every link with both ends and its provenance', () => {
    const graph = sample();
    const entities = parse<Record<string, string>>(i2EntityTable(graph), { columns: true });
    expect(Object.keys(entities[0] ?? {})).toEqual([...I2_ENTITY_COLUMNS]);
    expect(entities).toHaveLength(11);
    expect(entities.find((e) => e['Entity ID'] === 'phone:+447700900123')).toEqual({ 'Entity ID': 'phone:+447700900123', 'Entity Type': 'Telephone', Label: "'+447700900123", 'Lifeline Type': 'phone' });
    // A label a spreadsheet would run as a formula is written as text.
    expect(entities.find((e) => e['Entity ID'] === 'organisation:x')?.Label).toBe("'=Nails Ltd");
    const links = parse<Record<string, string>>(i2LinkTable(graph, names), { columns: true });
    expect(Object.keys(links[0] ?? {})).toEqual([...I2_LINK_COLUMNS]);
    expect(links).toHaveLength(14);
    expect(links[1]).toEqual({
      'Link ID': '2', 'From Entity ID': 'person:a', 'From Entity Type': 'Person', 'From Label': 'Marek Kowal', 'To Entity ID': 'vehicle:AB12CDE', 'To Entity Type': 'Vehicle', 'To Label': 'AB12CDE',
      'Link Type': 'drives', Direction: 'Directed', Date: '2007-03-03', 'Source Record Type': 'intelligence-report', 'Source Record ID': 'r2', Organisation: 'Metropolitan Police', Grade: 'B21 (5x5x5)',
    });
  });
});

describe('a selection of the network', () => {
  it('keeps the chosen entities and their neighbours to the given depth, with the relationships among them', () => {
    const graph = sample();
    expect([...graph.selection(['premises:p'], 0).entities.keys()]).toEqual(['premises:p']);
    expect([...graph.selection(['premises:p'], 1).entities.keys()].sort()).toEqual(['organisation:x', 'person:b', 'premises:p']);
    const two = graph.selection(['premises:p'], 1);
    expect(two.relationships.map((r) => r.id).sort()).toEqual(['12', '8']);
    expect(graph.selection(['person:unknown'], 2).entities.size).toBe(0);
  });
});
