// The API's shapes for published statistics. A cell not shown has value null and says why.
import { Type } from 'typebox';
import { FORCE_FIGURES, MONTH_FIGURES } from '../../services/statistics/releaseContent.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const Cell = Type.Object({
  value: Nullable(Type.Integer({ minimum: 0 })),
  status: Type.Union([Type.Literal('shown'), Type.Literal('fewer-than-5'), Type.Literal('withheld')], { description: 'fewer-than-5: a count from 1 to 4; withheld: 0 or 5 or more, withheld so that no small count can be worked out' }),
});

const Row = Type.Object({ label: Type.String(), cells: Type.Array(Cell) });
const ForceFigure = Type.Enum(FORCE_FIGURES);
const MonthFigure = Type.Enum(MONTH_FIGURES);

export const PublishedReleaseSummary = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('approved'), Type.Literal('superseded')]),
  title: Type.String(),
  operation: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), startsOn: Type.String(), endsOn: Type.String() }),
  publishedOn: Type.String({ description: 'A date, 2026-03-02' }),
  approvedAt: Type.String({ format: 'date-time' }),
  contentHash: Type.String({ description: 'SHA-256 of the frozen figures' }),
  supersedesId: Nullable(Type.String()),
  correctionReason: Nullable(Type.String()),
  supersededById: Nullable(Type.String()),
});

export const PublishedRelease = Type.Intersect([PublishedReleaseSummary, Type.Object({
  countedAt: Type.String({ format: 'date-time' }),
  headline: Type.Record(Type.String(), Cell),
  definitions: Type.Record(Type.String(), Type.String()),
  cashSeized: Type.Array(Type.Object({ currency: Type.String(), amountMinor: Type.Integer() })),
  byForce: Type.Object({ columns: Type.Array(ForceFigure), rows: Type.Array(Row), totals: Type.Array(Cell) }),
  byMonth: Type.Object({ columns: Type.Array(MonthFigure), rows: Type.Array(Row), totals: Type.Array(Cell) }),
  notes: Type.Array(Type.String()),
})]);

export const ReleaseParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
