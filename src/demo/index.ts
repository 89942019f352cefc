export { describeDemoPlan, generateOperation, generateOperationBatches } from './generateOperation.ts';
export type { DemoBatch, DemoPlanSummary } from './generateOperation.ts';
export type {
  ArrestRecord, ChargeRecord, DemoOperationInput, ForceInput, IdentityDocumentRecord, OperationRecord,
  OperationRecordBatch, PersonFoundRecord, PotentialVictimDetails, PremisesRecord, RecordedDateOfBirth,
  SeizedAssetRecord, VisitRecord,
} from './records.ts';
export type { GroundTruthBatch, NetworkTruth, TruePersonTruth, TruthRecordLink } from './groundTruth.ts';
export { EXAMPLE_FORCE_ROSTER } from './exampleForceRoster.ts';
export { resolveForceArea, type ForceArea } from './forceAreas.ts';
export * from './vocabulary.ts';
