// The API's shapes for record linkage: runs with their progress, pairs with their waterfall,
// decisions, clusters and the changes reviewers made to them.
import { Type } from 'typebox';
import { LINKAGE_DECISIONS } from '../../services/linkage/linkageReview.ts';

const Id = Type.String({ maxLength: 64 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });
const Count = Nullable(Type.Integer());

export const LinkageRun = Type.Object({
  id: Id, status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('finished'), Type.Literal('failed')]),
  trigger: Type.String(), startedBy: Nullable(Id), startedAt: Timestamp, finishedAt: Nullable(Timestamp),
  stage: Nullable(Type.String()), stageFraction: Type.Number({ minimum: 0, maximum: 1 }),
  lowerThreshold: Type.Number(), upperThreshold: Type.Number(),
  recordCount: Count, pairCount: Count, reviewPairCount: Count, clusterCount: Count, labelCount: Count, error: Nullable(Type.String()),
});

export const LinkageRunDetail = Type.Intersect([LinkageRun, Type.Object({
  model: Nullable(Type.Unknown({ description: 'The trained model (model.json): settings, every level’s m, u and weight' })),
})]);

export const RunParams = Type.Object({ runId: Id });
export const PairParams = Type.Object({ pairId: Id });
export const ClusterParams = Type.Object({ clusterId: Id });
export const ChangeParams = Type.Object({ changeId: Id });

export const ReviewPair = Type.Object({
  id: Id, runId: Id, leftPersonId: Id, rightPersonId: Id, leftName: Type.String(), rightName: Type.String(), matchProbability: Type.Number(), matchWeight: Type.Number(),
});

export const WaterfallStep = Type.Object({
  step: Type.String({ description: '"prior" or the comparison' }), level: Type.String(), valueLeft: Nullable(Type.String()), valueRight: Nullable(Type.String()),
  mProbability: Nullable(Type.Number()), uProbability: Nullable(Type.Number()), matchWeight: Type.Number(), termFrequencyWeight: Type.Number(),
  cumulativeWeight: Type.Number(), cumulativeProbability: Type.Number(),
});

export const Decision = Type.Object({
  id: Id, pairId: Nullable(Id), leftPersonId: Id, rightPersonId: Id, decision: Type.String(), reason: Type.String(), decidedBy: Nullable(Id), decidedAt: Timestamp,
});

export const PairDetail = Type.Object({
  pair: ReviewPair, leftClusterId: Nullable(Id), rightClusterId: Nullable(Id), waterfall: Type.Array(WaterfallStep), decisions: Type.Array(Decision),
});

export const DecisionBody = Type.Object({
  decision: Type.Union(LINKAGE_DECISIONS.map((d) => Type.Literal(d))),
  reason: Type.Optional(Type.String({ maxLength: 2000, description: 'Required for "different"' })),
}, { additionalProperties: false });

export const ClusterChange = Type.Object({
  id: Id, kind: Type.String(), decisionId: Nullable(Id), fromClusterId: Id, toClusterId: Id, personFoundIds: Type.Array(Id),
  madeBy: Nullable(Id), madeAt: Timestamp, undoneBy: Nullable(Id), undoneAt: Nullable(Timestamp),
});

export const DecisionOutcome = Type.Object({ decision: Decision, merge: Nullable(ClusterChange) });

export const ClusterMember = Type.Object({ personFoundId: Id, forceId: Id, fullName: Type.String(), dateOfBirth: Nullable(Type.String()), visitedAt: Timestamp });

export const ClusterDetail = Type.Object({
  id: Id, createdByRunId: Nullable(Id), memberCount: Type.Integer(), members: Type.Array(ClusterMember), changes: Type.Array(ClusterChange),
});

export const SplitBody = Type.Object({ personFoundId: Id }, { additionalProperties: false });
