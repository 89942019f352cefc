// The API's shapes for the hidden scale. Unbounded interval limits are null (JSON has no Infinity).
import { Type } from 'typebox';
import { ESTIMATE_METHODS } from '../../analysis/hiddenScale/hiddenScale.ts';

const Id = Type.String({ maxLength: 64 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Method = Type.Enum(ESTIMATE_METHODS);
const DateText = Type.String({ maxLength: 10, description: 'A date, 2007-10-01' });

export const EstimateList = Type.Object({ name: Type.String({ maxLength: 60 }), organisationIds: Type.Array(Id, { maxItems: 500 }) });

export const ListChoice = Type.Object({
  organisationId: Id, name: Type.String(), kind: Type.String(), records: Type.Integer(), defaultList: Type.String(),
});

export const ListChoicesQuery = Type.Object({ from: Type.Optional(DateText), to: Type.Optional(DateText) });

export const NewEstimate = Type.Object({
  from: Type.Optional(DateText),
  to: Type.Optional(DateText),
  lists: Type.Array(EstimateList, { maxItems: 12, description: 'Organisations grouped into 2 to 12 lists' }),
  method: Method,
  threshold: Type.Number({ description: 'Linkage threshold: pairs of the latest finished linkage run awaiting review at or above this match probability count as one person; from the run\'s lower to its upper threshold' }),
  seed: Type.Optional(Type.Integer({ minimum: 0 })),
  bootstrapReplicates: Type.Optional(Type.Integer({ minimum: 0, maximum: 2000 })),
}, { additionalProperties: false });

export const EstimateRequest = Type.Object({
  from: Nullable(Type.String()), to: Nullable(Type.String()), lists: Type.Array(EstimateList), method: Method,
  linkageRunId: Type.String({ description: 'The linkage run whose stored clusters de-duplicated the people (empty for estimates made before)' }), threshold: Type.Number(),
  level: Type.Number(), seed: Type.Integer(), bootstrapReplicates: Type.Integer(),
  comparison: Type.Object({ thresholds: Type.Array(Type.Number()), methods: Type.Array(Method) }),
});

const Interval = Type.Object({ lower: Nullable(Type.Number()), upper: Nullable(Type.Number()), level: Type.Number(), kind: Type.String() });

export const EstimateResult = Type.Object({
  observed: Type.Integer(),
  estimate: Nullable(Type.Number()),
  darkFigure: Nullable(Type.Number()),
  interval: Interval,
  otherIntervals: Type.Array(Interval),
  model: Type.Object({ terms: Type.Array(Type.String()), emptyTerms: Type.Array(Type.String()), hierarchy: Nullable(Type.String()) }),
  method: Type.String(),
  warnings: Type.Array(Type.String()),
});

export const ComparisonCell = Type.Object({
  threshold: Type.Number(), method: Method, observed: Type.Integer(), estimate: Nullable(Type.Number()), lower: Nullable(Type.Number()),
  upper: Nullable(Type.Number()), intervalKind: Nullable(Type.String()), refusal: Nullable(Type.String()),
});

export const EstimateSummary = Type.Object({
  id: Id,
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  stage: Type.String(),
  progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
  request: EstimateRequest,
  observed: Nullable(Type.Integer()),
  estimate: Nullable(Type.Number()),
  error: Nullable(Type.String()),
  createdBy: Id,
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const EstimateDetail = Type.Intersect([EstimateSummary, Type.Object({
  createdByName: Type.String(),
  table: Nullable(Type.Object({ listNames: Type.Array(Type.String()), counts: Type.Array(Type.Integer({ description: 'People by capture pattern: index bit i means on list i' })) })),
  result: Nullable(EstimateResult),
  refusal: Nullable(Type.String()),
  comparison: Type.Array(ComparisonCell),
  linkage: Nullable(Type.Object({
    runId: Type.String(), runFinishedAt: Type.String(), lowerThreshold: Type.Number(), upperThreshold: Type.Number(), threshold: Type.Number(),
    records: Type.Integer(), people: Type.Integer(), unclusteredRecords: Type.Integer(),
    awaitingReview: Type.Integer({ description: 'Pairs of the run between these records still awaiting review' }),
    linkedPairs: Type.Integer({ description: 'Of those, the pairs at or above the threshold, taken as one person' }),
  })),
  methodNote: Nullable(Type.String({ description: 'How people were de-duplicated, in plain words' })),
})]);

export const StartedEstimate = Type.Object({ id: Id, status: Type.Literal('running'), href: Type.String() });
