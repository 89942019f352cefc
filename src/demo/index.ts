// The demo operation generator: pure, deterministic, plain data. Records go to the store; the
// ground truth (which records are one real person) goes to a separate file, never the store.
//   for (const batch of generateOperationBatches({ seed, scale, forces })) {
//     store.insert(batch.records); truthFile.write(batch.truth); progress(batch.progress);
//   }
export {
  describeDemoPlan, generateOperation, generateOperationBatches, generateOperationBatchesAsync,
} from './generateOperation.ts';
export { DEFAULT_OPERATIONS } from './operationPlan.ts';
export type { DemoBatch, DemoPlanSummary } from './generateOperation.ts';
export type {
  ArrestRecord, ChargeRecord, DemoOperationInput, ForceInput, IdentityDocumentRecord, OperationRecord,
  OperationRecordBatch, OperationTemplate, PersonFoundRecord, PotentialVictimDetails, PremisesRecord, RecordedDateOfBirth,
  SeizedAssetRecord, VisitRecord,
} from './records.ts';
export type { GroundTruthBatch, NetworkTruth, TruePersonTruth, TruthRecordLink } from './groundTruth.ts';
export { EXAMPLE_FORCE_ROSTER } from './exampleForceRoster.ts';
export { resolveForceArea, type ForceArea } from './forceAreas.ts';
export * from './vocabulary.ts';
