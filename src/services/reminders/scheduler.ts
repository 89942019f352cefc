// Runs the reminder work every few seconds in each application instance. Instances need not
// know of each other: dedupe keys make each reminder once, and leases send each email once.
import { hostname } from 'node:os';
import { newId } from '../../store/ids.ts';
import type { ServiceContext } from '../context.ts';
import { deliverDueEmails, type DeliverySummary } from './emailDelivery.ts';
import type { MailTransport } from './mailTransport.ts';
import { dispatchDueReminders, type DispatchSummary, type ReminderEmailSettings } from './reminderDispatch.ts';
import { errorCode, silentReminderLogger, type ReminderLogger } from './reminderLogger.ts';
import type { ReminderSource } from './reminderSource.ts';

export interface ReminderSchedulerOptions {
  context: ServiceContext;
  sources: readonly ReminderSource[];
  transport: MailTransport;
  email: ReminderEmailSettings;
  /** 0: never runs on its own (run-once still works). */
  intervalSeconds: number;
  batchSize?: number;
  leaseMs?: number;
}

export interface ReminderRunSummary extends DispatchSummary, DeliverySummary {
  /** Sent emails whose address and text were cleared (30 days after sending). */
  cleared: number;
}

const SENT_EMAIL_RETENTION_MS = 30 * 86_400_000;

export class ReminderScheduler {
  /** Unique per scheduler, so two runtimes in one process hold separate leases. */
  readonly claimant = `${hostname()}:${process.pid}:${newId().slice(-12)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  private logger: ReminderLogger = silentReminderLogger;

  constructor(private readonly options: ReminderSchedulerOptions) {}

  get transportDescription(): string {
    return this.options.transport.description;
  }

  /** One pass: due reminders become notifications and queued emails, then due emails are sent. */
  async runOnce(logger: ReminderLogger = this.logger): Promise<ReminderRunSummary> {
    // A run is never overlapped by the next tick of the same scheduler.
    while (this.running !== null) await this.running.catch(() => undefined);
    const run = this.run(logger);
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  private async run(logger: ReminderLogger): Promise<ReminderRunSummary> {
    const { context, sources, transport, email } = this.options;
    const dispatched = await dispatchDueReminders(context, sources, email, logger);
    const delivered = await deliverDueEmails(context, transport, {
      claimant: this.claimant, from: email.from, batchSize: this.options.batchSize ?? 50, leaseMs: this.options.leaseMs ?? 15 * 60_000,
    }, logger);
    const cleared = await context.store.repositories.emailOutbox.clearSentBefore(new Date(context.clock().getTime() - SENT_EMAIL_RETENTION_MS).toISOString());
    return { ...dispatched, ...delivered, cleared };
  }

  /** Starts the timer; false when the interval is 0 (turned off). The first run comes soon after start-up. */
  start(logger: ReminderLogger): boolean {
    this.logger = logger;
    if (this.options.intervalSeconds === 0 || this.timer !== null) return false;
    this.stopped = false;
    this.schedule(Math.min(this.options.intervalSeconds, 5) * 1000);
    return true;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // The timer alone does not keep a process alive that is otherwise finished.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const summary = await this.runOnce();
      if (summary.notificationsCreated + summary.sent + summary.retrying + summary.failed > 0) {
        this.logger.info({ ...summary }, 'Reminders run');
      }
    } catch (error) {
      this.logger.error({ error: errorCode(error) }, 'The reminder run failed; it will be tried at the next interval');
    }
    this.schedule(this.options.intervalSeconds * 1000);
  }

  /** Stops the timer and waits for a run in progress, so the database can be closed after. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.running !== null) await this.running.catch(() => undefined);
    this.options.transport.close();
  }
}
