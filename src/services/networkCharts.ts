// Saved network charts: a named selection of entities with their positions and notes, reopened
// later and shared with colleagues. A chart stores entity keys, never what the records say about
// them; whoever opens it gets the chart rebuilt from the network they may see, so a colleague's
// copy leaves out what they cannot see without saying that anything was left out.
import type { Actor, UserActor } from '../access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../access/errors.ts';
import { canChangeChart, canKeepCharts, canOpenChart, canReceiveChart } from '../access/policies/networkCharts.ts';
import type { NetworkGraph } from '../domain/network/graph.ts';
import { isOrganisationKind } from '../domain/organisationKinds.ts';
import { ringLayout, type Layout, type Position } from '../domain/network/layout.ts';
import { newId } from '../store/ids.ts';
import type { NetworkChartRow } from '../store/schema.ts';
import type { NetworkChartListing } from '../store/repositories/networkCharts.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';
import type { NetworkService } from './network.ts';

export const MAX_CHART_ENTITIES = 300;
const MAX_NAME = 120;
const MAX_NOTES = 5000;
const SUBMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ChartInput {
  name: string;
  notes: string;
  keys: readonly string[];
  /** Positions chosen by the analyst (the API, a drawing island); missing ones are laid out by the server. */
  layout?: Layout;
}

interface ChartContent { keys: string[]; positions: Record<string, Position>; notes: string }

export interface OpenedChart {
  id: string;
  name: string;
  notes: string;
  ownerName: string;
  isOwner: boolean;
  createdAt: string;
  updatedAt: string;
  /** The chart as this viewer may see it. */
  graph: NetworkGraph;
  layout: Layout;
  keys: string[];
  shares: Array<{ userId: string; displayName: string; sharedAt: string }>;
}

export class NetworkChartService {
  constructor(private readonly context: ServiceContext, private readonly network: NetworkService) {}

  private seal(content: ChartContent): string {
    return this.context.fieldCipher.seal(JSON.stringify(content));
  }

  private unseal(row: NetworkChartRow): ChartContent {
    const parsed = JSON.parse(this.context.fieldCipher.open(row.content_sealed)) as Partial<ChartContent>;
    return { keys: parsed.keys ?? [], positions: parsed.positions ?? {}, notes: parsed.notes ?? '' };
  }

  async list(actor: Actor): Promise<NetworkChartListing[]> {
    if (!canKeepCharts(actor)) throw new ForbiddenError('Your role does not include the network');
    return this.context.store.repositories.networkCharts.listFor(actor.userId);
  }

  /** Saves a new chart of entities the actor may see. A double submit of the same form saves once. */
  async create(actor: Actor, input: ChartInput, submissionId?: string): Promise<string> {
    if (!canKeepCharts(actor)) throw new ForbiddenError('Your role does not include the network');
    const key = submissionId === undefined || submissionId === '' ? undefined : submissionId;
    if (key !== undefined && !SUBMISSION_ID.test(key)) throw new ValidationError([{ field: 'submissionId', message: 'This form is out of date: reload the page and try again' }]);
    const forms = this.context.store.repositories.formSubmissions;
    const earlier = key === undefined ? undefined : await forms.recordIdFor(key, 'network-chart');
    if (earlier !== undefined) return earlier;
    const graph = await this.network.build(actor);
    const valid = validate(input, graph);
    const selection = graph.selection(valid.keys, 0);
    const computed = ringLayout(selection, valid.keys);
    const positions = Object.fromEntries(valid.keys.map((k) => [k, input.layout?.[k] ?? computed[k] ?? { x: 0, y: 0 }]));
    const now = isoNow(this.context.clock);
    const id = newId();
    try {
      await this.context.store.transaction(async (repositories) => {
        await repositories.networkCharts.insert({
          id, organisation_id: actor.organisationId, owner_id: actor.userId, name: valid.name, content_sealed: this.seal({ keys: valid.keys, positions, notes: valid.notes }),
          created_at: now, updated_at: now,
        });
        await recordAudit(repositories, actor, now, { action: 'network-chart.create', subjectType: 'network-chart', subjectId: id, subjectOrganisationId: actor.organisationId, details: { entities: valid.keys.length } });
        if (key !== undefined) await repositories.formSubmissions.remember(key, 'network-chart', id, now);
      });
    } catch (error) {
      const winner = key === undefined ? undefined : await forms.recordIdFor(key, 'network-chart').catch(() => undefined);
      if (winner !== undefined) return winner;
      throw error;
    }
    return id;
  }

  private async findOpenable(actor: Actor, chartId: string): Promise<NetworkChartRow> {
    const repository = this.context.store.repositories.networkCharts;
    const row = await repository.find(chartId);
    if (row === undefined || !canKeepCharts(actor)) throw new NotFoundError('Chart');
    const facts = { ownerId: row.owner_id, organisationId: row.organisation_id };
    if (!canOpenChart(actor, facts, await repository.isSharedWith(chartId, actor.userId))) throw new NotFoundError('Chart');
    return row;
  }

  /** The chart redrawn from the network the viewer may see. Audited, without its content. */
  async open(actor: Actor, chartId: string): Promise<OpenedChart> {
    const row = await this.findOpenable(actor, chartId);
    const content = this.unseal(row);
    const graph = (await this.network.build(actor)).selection(content.keys, 0);
    const keys = content.keys.filter((k) => graph.entities.has(k));
    const layout = Object.fromEntries(keys.map((k) => [k, content.positions[k] ?? { x: 0, y: 0 }]));
    const isOwner = canChangeChart(actor, { ownerId: row.owner_id, organisationId: row.organisation_id });
    const repositories = this.context.store.repositories;
    const owner = await repositories.users.findById(row.owner_id);
    const shares = isOwner ? (await repositories.networkCharts.shares(row.id)).map((s) => ({ userId: s.user_id, displayName: s.display_name, sharedAt: s.shared_at })) : [];
    await this.context.store.transaction((tx) => recordAudit(tx, actor, isoNow(this.context.clock), {
      action: 'network-chart.read', subjectType: 'network-chart', subjectId: row.id, subjectOrganisationId: row.organisation_id, details: { owner: isOwner },
    }));
    return {
      id: row.id, name: row.name, notes: content.notes, ownerName: owner?.display_name ?? '', isOwner, createdAt: row.created_at, updatedAt: row.updated_at,
      graph, layout, keys, shares,
    };
  }

  /** The owner renames the chart or rewrites its notes; the entities and positions stay. */
  async update(actor: Actor, chartId: string, input: { name: string; notes: string }): Promise<void> {
    const row = await this.findOpenable(actor, chartId);
    if (!canChangeChart(actor, { ownerId: row.owner_id, organisationId: row.organisation_id })) throw new ForbiddenError('Only the analyst who saved the chart changes it');
    const problems = nameAndNotesProblems(input.name, input.notes);
    if (problems.length > 0) throw new ValidationError(problems);
    const content = this.unseal(row);
    const now = isoNow(this.context.clock);
    await this.context.store.transaction(async (repositories) => {
      await repositories.networkCharts.update(row.id, { name: input.name.trim(), content_sealed: this.seal({ ...content, notes: input.notes.trim() }), updated_at: now });
      await recordAudit(repositories, actor, now, { action: 'network-chart.update', subjectType: 'network-chart', subjectId: row.id, subjectOrganisationId: row.organisation_id, details: {} });
    });
  }

  /** The owner gives the chart to a colleague (by email) who uses the network. Sharing twice is one share. */
  async share(actor: Actor, chartId: string, email: string): Promise<void> {
    const row = await this.findOpenable(actor, chartId);
    if (!canChangeChart(actor, { ownerId: row.owner_id, organisationId: row.organisation_id })) throw new ForbiddenError('Only the analyst who saved the chart shares it');
    const owner = actor as UserActor;
    const repositories = this.context.store.repositories;
    const colleague = email.trim() === '' ? undefined : await repositories.users.findByEmail(email.trim().toLowerCase());
    const organisation = colleague === undefined ? undefined : await repositories.organisations.findById(colleague.organisation_id);
    // The same answer whether the address is unknown or belongs to someone who may not have it: no account is confirmed.
    if (colleague === undefined || organisation === undefined || !isOrganisationKind(organisation.kind) || !canReceiveChart(owner, colleague, organisation.kind)) {
      throw new ValidationError([{ field: 'email', message: 'Enter the email address of a colleague who uses the network' }]);
    }
    const now = isoNow(this.context.clock);
    await this.context.store.transaction(async (tx) => {
      await tx.networkCharts.share({ chart_id: row.id, user_id: colleague.id, shared_by: owner.userId, shared_at: now });
      await recordAudit(tx, actor, now, { action: 'network-chart.share', subjectType: 'network-chart', subjectId: row.id, subjectOrganisationId: row.organisation_id, details: { sharedWith: colleague.id } });
    });
  }
}

function nameAndNotesProblems(name: string, notes: string): FieldError[] {
  const problems: FieldError[] = [];
  if (name.trim() === '') problems.push({ field: 'name', message: 'Enter a name for the chart' });
  else if (name.trim().length > MAX_NAME) problems.push({ field: 'name', message: `The name must be ${MAX_NAME} characters or fewer` });
  if (notes.trim().length > MAX_NOTES) problems.push({ field: 'notes', message: `The notes must be ${MAX_NOTES} characters or fewer` });
  return problems;
}

/** Keeps the chosen entities the actor may see; a key they cannot see is treated like one that does not exist. */
function validate(input: ChartInput, graph: NetworkGraph): { name: string; notes: string; keys: string[] } {
  const problems = nameAndNotesProblems(input.name, input.notes);
  const keys = [...new Set(input.keys)].filter((k) => graph.entities.has(k));
  if (keys.length === 0) problems.push({ field: 'entities', message: 'Choose at least one entity for the chart' });
  else if (keys.length > MAX_CHART_ENTITIES) problems.push({ field: 'entities', message: `A chart holds up to ${MAX_CHART_ENTITIES} entities` });
  if (problems.length > 0) throw new ValidationError(problems);
  return { name: input.name.trim(), notes: input.notes.trim(), keys };
}
