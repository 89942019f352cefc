import { afterAll, beforeAll, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '../../src/access/errors.ts';
import type { LinkageModel } from '../../src/analysis/linkage/model.ts';
import { loadDemoOperation } from '../../src/services/demoOperation.ts';
import { DEFAULT_LINKAGE_SETTINGS, LinkageRunService, type RunProgress } from '../../src/services/linkage/linkageRuns.ts';
import { newId } from '../../src/store/ids.ts';
import type { LinkageRunRow, PersonFoundRow } from '../../src/store/schema.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

// A small generated operation (55 people found across forces, several recorded more than once):
// enough for the engine to find sure links and a few doubtful pairs, small enough to run in a
// fraction of a second. The model is sharp on so few records, so the tests review pairs from 1 %.
// One database per dialect for the whole file (a fresh PostgreSQL schema costs seconds): each test
// takes its expectations from the state it finds, not from an empty store.
describeEachDatabase('record linkage in the platform', (dialect) => {
  let runtime: TestRuntime;

  beforeAll(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    await loadDemoOperation(runtime.services.context, { seed: 1, scale: 0.05 });
  });
  afterAll(async () => runtime.dispose());

  const analyst = () => actorFor(runtime, demoAccount('analyst'));
  const runs = () => runtime.services.linkageRuns;
  const review = () => runtime.services.linkageReview;
  const membership = () => runtime.store.repositories.linkage.membership();
  const allPeople = async (): Promise<PersonFoundRow[]> => {
    const listing = await runtime.services.enforcementRecords.listPeople(await analyst(), {}, { limit: 200 });
    return Promise.all(listing.rows.map(async (r) => (await runtime.store.repositories.peopleFound.findById(r.id)) as PersonFoundRow));
  };
  const tuned = () => new LinkageRunService(runtime.services.context, { ...DEFAULT_LINKAGE_SETTINGS, lowerThreshold: 0.001, minimumLabelledMatches: 1 });
  const runOnce = async (service: LinkageRunService = tuned()): Promise<LinkageRunRow> => {
    const run = await service.runToEnd(await analyst(), { trigger: 'on-demand' });
    expect(run.error).toBeNull();
    expect(run.status).toBe('finished');
    runtime.testClock.advanceMinutes(1);
    return run;
  };

  it('runs as a background job whose row carries its progress, and refuses a second run meanwhile', async () => {
    const actor = await analyst();
    const queued = await runs().start(actor, { trigger: 'on-demand' });
    expect(queued.status).toBe('queued');
    await expect(runs().start(actor, { trigger: 'on-demand' })).rejects.toBeInstanceOf(ConflictError);
    await runs().idle();
    const run = await runs().get(actor, queued.id);
    expect(run).toMatchObject({ status: 'finished', stage: 'store', stage_fraction: 1, record_count: 55, lower_threshold: 0.2, upper_threshold: 0.9 });
    expect(run.started_by).toBe(actor.userId);
    expect(run.pair_count).toBeGreaterThan(0);
    expect(run.review_pair_count).toBeGreaterThanOrEqual(0);
    expect(run.cluster_count).toBeLessThan(55);
    expect((JSON.parse(run.model_json ?? '{}') as LinkageModel).format).toBe('lifeline-linkage-model');

    const stages: RunProgress[] = [];
    runtime.testClock.advanceMinutes(1);
    await runs().runToEnd(actor, { trigger: 'command', onProgress: (p) => stages.push(p) });
    expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(['load', 'prepare', 'countComparisons', 'estimateU', 'estimatePrior', 'trainM', 'score', 'cluster', 'store']));
    expect(stages.every((s) => s.fraction >= 0 && s.fraction <= 1)).toBe(true);
  });

  it('keeps every cluster id across runs: a new record joins its twin’s cluster, a new person gets a new cluster, and source records are untouched', async () => {
    await runOnce();
    const before = await membership();
    const people = await allPeople();
    expect(before.size).toBe(people.length);
    const original = people[3] as PersonFoundRow;
    const twin: PersonFoundRow = { ...original, id: newId() };
    const stranger: PersonFoundRow = {
      ...original, id: newId(), given_names: 'Zebedee', family_name: 'Quartermaine', full_name: 'Zebedee Quartermaine', aliases: '[]', name_search: 'zebedee quartermaine',
      date_of_birth: '1951-11-23', estimated_age: null, sex: 'male', nationality: 'GB', phone_numbers: '[]', identity_documents: '[]',
    };
    await runtime.store.repositories.peopleFound.insertMany([twin, stranger]);

    const second = await runOnce();
    expect(second.record_count).toBe(people.length + 2);
    const after = await membership();
    for (const [person, cluster] of before) expect(after.get(person), person).toBe(cluster);
    expect(after.get(twin.id)).toBe(before.get(original.id));
    const strangerCluster = after.get(stranger.id);
    expect(strangerCluster).toBeDefined();
    expect([...before.values()]).not.toContain(strangerCluster);
    // Linkage reads people found and never writes them.
    expect(await allPeople()).toEqual(expect.arrayContaining(people));
    expect(await runtime.store.repositories.peopleFound.findById(original.id)).toEqual(original);
  });

  it('merges the clusters of a pair decided “same”, and undo restores the membership exactly', async () => {
    await runOnce();
    const actor = await analyst();
    const before = await membership();
    const pair = (await review().queue(actor)).pairs.find((p) => before.get(p.left_person_id) !== before.get(p.right_person_id));
    if (pair === undefined) throw new Error('expected a doubtful pair across two clusters');
    const { merge } = await review().decide(actor, pair.id, { decision: 'same', reason: 'Same passport photograph' });
    if (merge === null) throw new Error('expected a merge');
    const merged = await membership();
    expect(merged.get(pair.left_person_id)).toBe(merged.get(pair.right_person_id));
    const cluster = await review().cluster(actor, merge.to_cluster_id);
    expect(cluster.members.map((m) => m.id)).toEqual(expect.arrayContaining([pair.left_person_id, pair.right_person_id]));
    expect(cluster.changes.map((c) => c.id)).toContain(merge.id);

    await review().undo(actor, merge.id);
    expect(await membership()).toEqual(before);
    await expect(review().undo(actor, merge.id)).rejects.toBeInstanceOf(ConflictError);
    // The merged-away cluster was emptied, never deleted: undo brought its members back under the same id.
    expect((await review().cluster(actor, merge.from_cluster_id)).members.length).toBeGreaterThan(0);
    const moves = (await review().cluster(actor, merge.to_cluster_id)).moves.map((m) => m.cause);
    expect(moves).toEqual(expect.arrayContaining(['merge', 'undo-merge']));
  });

  it('splits a record off a cluster, keeps it apart in the next run, and undoes the split', async () => {
    await runOnce();
    const actor = await analyst();
    const before = await membership();
    const counts = new Map<string, number>();
    for (const cluster of before.values()) counts.set(cluster, (counts.get(cluster) ?? 0) + 1);
    const [clusterId] = [...counts].find(([, n]) => n >= 2) ?? [];
    if (clusterId === undefined) throw new Error('expected a cluster of two or more');
    const person = [...before].find(([, c]) => c === clusterId)?.[0] ?? '';
    const split = await review().split(actor, clusterId, person);
    expect((await membership()).get(person)).toBe(split.to_cluster_id);
    await runOnce();
    expect((await membership()).get(person)).not.toBe(clusterId);
    await review().undo(actor, split.id);
    expect((await membership()).get(person)).toBe(clusterId);
  });

  it('uses reviewers’ decisions as training labels in the next run and does not ask about decided pairs again', async () => {
    const service = tuned();
    const first = await runOnce(service);
    const actor = await analyst();
    const queue = (await review().queue(actor)).pairs;
    expect(queue.length).toBeGreaterThanOrEqual(2);
    const [same, different] = queue as [typeof queue[0], typeof queue[0]];
    await review().decide(actor, same.id, { decision: 'same', reason: '' });
    await review().decide(actor, different.id, { decision: 'different', reason: 'Different mothers’ names in the account' });
    runtime.testClock.advanceMinutes(1);

    const second = await runOnce(service);
    expect(second.label_count).toBe((first.label_count ?? 0) + 2);
    const model = JSON.parse(second.model_json ?? '{}') as LinkageModel;
    expect(model.training.map((t) => t.detail).some((d) => /^from [1-9]\d* labelled matches$/.test(d))).toBe(true);
    expect(model.comparisons.some((c) => c.levels.some((l) => l.mSource === 'labels'))).toBe(true);
    const secondQueue = (await review().queue(actor)).pairs;
    expect(secondQueue[0]?.run_id).toBe(second.id);
    const key = (p: { left_person_id: string; right_person_id: string }) => `${p.left_person_id}|${p.right_person_id}`;
    expect(secondQueue.map(key)).not.toContain(key(same));
    expect(secondQueue.map(key)).not.toContain(key(different));
    const after = await membership();
    expect(after.get(same.left_person_id)).toBe(after.get(same.right_person_id));
    expect(after.get(different.left_person_id)).not.toBe(after.get(different.right_person_id));
  });

  it('asks for a decision and a reason for “different” before saving', async () => {
    await runOnce();
    const actor = await analyst();
    const [pair] = (await review().queue(actor)).pairs;
    if (pair === undefined) throw new Error('expected a pair');
    const refused = await review().decide(actor, pair.id, { decision: '', reason: '' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ fieldErrors: [{ field: 'decision' }] });
    const noReason = await review().decide(actor, pair.id, { decision: 'different', reason: ' ' }).catch((e: unknown) => e);
    expect(noReason).toMatchObject({ fieldErrors: [{ field: 'reason' }] });
    expect(await runtime.store.repositories.linkage.decisionsOnPair(pair.left_person_id, pair.right_person_id)).toEqual([]);
  });

  it('links only for analysts of the national centre, over every person they may read', async () => {
    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const supervisor = await actorFor(runtime, demoAccount('supervisor', 'metropolitan'));
    await expect(runs().start(officer, { trigger: 'on-demand' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(runs().list(supervisor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(review().queue(officer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(review().cluster(officer, newId())).rejects.toBeInstanceOf(ForbiddenError);
    const run = await runOnce();
    const visible = await runtime.services.enforcementRecords.listPeople(await analyst(), {}, { limit: 1 });
    expect(run.record_count).toBe(visible.total);
    expect(JSON.parse(run.scope)).toBeNull();
    // The store narrows to the forces given: a run for a narrower reader reads only their forces.
    const met = (await runtime.store.repositories.organisations.findByCode('metropolitan'))?.id ?? '';
    const metPeople = await runtime.store.repositories.linkage.peopleForLinkage([met]);
    expect(metPeople.every((p) => p.organisation_id === met)).toBe(true);
    expect(metPeople.length).toBeLessThan(visible.total);
    await expect(review().pair(await analyst(), newId())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('audits runs, reads of pairs and clusters, decisions, merges and undos', async () => {
    const run = await runOnce();
    const actor = await analyst();
    const before = await membership();
    const pair = (await review().queue(actor)).pairs.find((p) => before.get(p.left_person_id) !== before.get(p.right_person_id));
    if (pair === undefined) throw new Error('expected a pair');
    await review().pair(actor, pair.id);
    const { merge } = await review().decide(actor, pair.id, { decision: 'same', reason: 'Same phone' });
    await review().undo(actor, merge?.id ?? '');
    await review().cluster(actor, merge?.to_cluster_id ?? '');
    const events = await runtime.store.repositories.auditEvents.list({ limit: 100 });
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['linkage.run.start', 'linkage.run.finish', 'linkage.pair.read', 'linkage.decision', 'linkage.merge', 'linkage.merge.undo', 'linkage.cluster.read']));
    expect(events.find((e) => e.action === 'linkage.run.finish')?.subject_id).toBe(run.id);
    const decision = events.find((e) => e.action === 'linkage.decision');
    expect(decision?.actor_user_id).toBe(actor.userId);
    // Free-text reasons stay out of the audit trail.
    expect(decision?.details).not.toContain('Same phone');
  });
});
