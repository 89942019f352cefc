// Worker-thread entry for the bootstrap (loaded by piscina). Each worker loads its own HiGHS
// instance once and keeps its existence cache across tasks.
import { createExistenceChecker, type ExistenceChecker } from './existence.ts';
import { runBootstrapTask, type BootstrapTask } from './bootstrapReplicates.ts';

let checker: Promise<ExistenceChecker> | undefined;

export default async function runTask(task: BootstrapTask): Promise<number[]> {
  checker ??= createExistenceChecker();
  return runBootstrapTask(task, await checker);
}
