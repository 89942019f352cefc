import type { Command } from 'commander';
import { systemActor } from '../../access/actor.ts';
import type { RunStage } from '../../services/linkage/linkageRuns.ts';
import { CliError } from '../errors.ts';
import { progressBar, type Progress } from '../progress.ts';
import { withRuntime } from '../withRuntime.ts';

const STAGES: Record<RunStage, string> = {
  load: 'Reading people found', prepare: 'Preparing records', countComparisons: 'Counting comparisons', estimateU: 'Estimating u',
  estimatePrior: 'Estimating the prior', trainM: 'Training m', score: 'Scoring pairs', cluster: 'Clustering', store: 'Saving clusters and pairs',
};

/** `lifeline linkage run`: the nightly (cron) run over every force's people found, with progress. */
export function registerLinkageCommand(program: Command): void {
  const linkage = program.command('linkage').description('record linkage over the people found in the database (person clusters and the review queue)');
  linkage
    .command('run')
    .description('link the people found of every force into person clusters; doubtful pairs go to the review queue (for cron: exits 1 if the run fails)')
    .option('--json', 'print the finished run as JSON')
    .action(async (options: { json?: boolean }) => {
      await withRuntime(async (runtime) => {
        let stage: RunStage | null = null;
        let bar: Progress | null = null;
        const run = await runtime.services.linkageRuns.runToEnd(systemActor('linkage-command'), {
          trigger: 'command',
          onProgress: (p) => {
            if (p.stage !== stage) {
              bar?.stop();
              stage = p.stage;
              bar = progressBar(STAGES[p.stage]);
            }
            bar?.update(Math.round(p.fraction * 100), 100);
          },
        }).catch((error: unknown) => {
          throw new CliError(error instanceof Error ? error.message : String(error));
        });
        (bar as Progress | null)?.stop();
        if (run.status !== 'finished') throw new CliError(`The linkage run failed: ${run.error ?? 'unknown error'}`);
        if (options.json === true) {
          const { model_json: model, ...rest } = run;
          process.stdout.write(`${JSON.stringify({ ...rest, model: model === null ? null : (JSON.parse(model) as unknown) }, null, 2)}\n`);
        } else {
          process.stdout.write(`Linked ${run.record_count ?? 0} people found into ${run.cluster_count ?? 0} person clusters: ${run.pair_count ?? 0} pairs linked, ${run.review_pair_count ?? 0} pairs to review, ${run.label_count ?? 0} reviewers’ decisions used as labels. Run ${run.id}.\n`);
        }
      });
    });
}
