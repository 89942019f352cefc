// Exports of the network on both databases: what the exporter cannot see is absent from the
// file, the FollowTheMoney entities of a real network fit the FtM schema, a selection exports
// a neighbourhood, and every export is audited with its size and never its content.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { toFollowTheMoney } from '../../src/domain/network/followTheMoney.ts';
import { i2LinkTable } from '../../src/services/export/i2Network.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { FtmModel, ftmProblems } from '../support/followTheMoneySchema.ts';
import { seedDemo } from '../support/fixtures.ts';
import { entity, intelligenceActors, link, reportInput, type IntelligenceActors } from '../support/intelligenceFixture.ts';

const VEHICLE = 'vehicle:AB12CDE';
const PHONE = 'phone:+447700900123';

describeEachDatabase('network exports', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;
  let actors: IntelligenceActors;
  let restrictedReport: string;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    actors = await intelligenceActors(runtime);
    const popescu = entity('person', '', '', fixture.people.popescu);
    restrictedReport = (await runtime.services.intelligence.submit(actors.metOfficer, reportInput({ source: 'A', intelligence: '2', handling: '4' },
      [popescu, entity('vehicle', 'AB12 CDE')], [link(1, 'drives', 2)]))).id;
    await runtime.services.intelligence.submit(actors.metOfficer, reportInput({ source: 'C', intelligence: '3', handling: '1' },
      [popescu, entity('phone', '07700 900123')], [link(1, 'called', 2)]));
  });
  afterEach(async () => runtime.dispose());

  const names = new Map<string, string>();

  it('exports FollowTheMoney entities that fit the FtM schema, with the restricted report only for its own agency', async () => {
    const model = new FtmModel();
    const own = await runtime.services.network.exportGraph(actors.metOfficer, 'followthemoney');
    const ownEntities = toFollowTheMoney(own, names);
    expect(ftmProblems(model, ownEntities)).toEqual([]);
    expect(own.entities.has(VEHICLE)).toBe(true);
    expect(ownEntities.filter((e) => e.schema === 'Vehicle')).toHaveLength(1);

    const kent = await runtime.services.network.exportGraph(actors.kentOfficer, 'followthemoney');
    const kentEntities = toFollowTheMoney(kent, names);
    expect(ftmProblems(model, kentEntities)).toEqual([]);
    expect(kent.entities.has(VEHICLE)).toBe(false);
    expect(kentEntities.some((e) => e.schema === 'Vehicle')).toBe(false);
    expect(JSON.stringify(kentEntities)).not.toContain(restrictedReport);
    expect(i2LinkTable(kent, names)).not.toContain(restrictedReport);
  });

  it('exports a selection: the chosen entity and its neighbours', async () => {
    const graph = await runtime.services.network.exportGraph(actors.analyst, 'i2-links', {}, { keys: [PHONE], depth: 1 });
    expect([...graph.entities.keys()].sort()).toEqual([PHONE, `person:${fixture.people.popescu}`].sort());
    expect(graph.relationships.map((r) => r.type)).toEqual(['called']);
  });

  it('audits every export with its format and size, never what it contains', async () => {
    await runtime.services.network.exportGraph(actors.analyst, 'followthemoney', {}, { keys: [PHONE], depth: 1 });
    const [event] = await runtime.store.repositories.auditEvents.list({ action: 'network.export', limit: 5 });
    expect(event?.actor_user_id).toBe(actors.analyst.userId);
    expect(JSON.parse(event?.details ?? '{}')).toEqual({ format: 'followthemoney', entities: 2, relationships: 1, selected: 1 });
    expect(event?.details).not.toMatch(/7700|Popescu/);
  });
});
