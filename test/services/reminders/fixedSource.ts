import type { DueReminder, ReminderSource } from '../../../src/services/reminders/reminderSource.ts';

/** A reminder source whose due reminders the test sets; it counts how often it was asked. */
export class FixedReminderSource implements ReminderSource {
  readonly name = 'fixed (test)';
  calls = 0;
  constructor(public reminders: DueReminder[] = []) {}

  async dueReminders(): Promise<DueReminder[]> {
    this.calls += 1;
    return this.reminders;
  }
}
