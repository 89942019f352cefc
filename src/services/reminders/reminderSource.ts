// What a part of Lifeline implements to have reminders sent: it says which reminders are due
// now; the scheduler stores each once (per recipient) in the notifications list and emails it.

/** One reminder that is due, for one or more staff accounts. */
export interface DueReminder {
  /** Staff user ids; a disabled account is skipped. */
  recipientUserIds: readonly string[];
  /** A short code for the kind of reminder, like "rg-decision-due". */
  kind: string;
  /**
   * One line shown in the list and as the email subject. It goes out by email, so it names a
   * reference, never a potential victim's name or other personal details.
   */
  title: string;
  /** A path in the staff surface (starting with one "/"), opened from the list and the email. */
  link: string;
  /**
   * The same reminder found again must give the same key, so it is created and sent once
   * whichever instance finds it and however often: "rg-decision-due:<referralId>:<date>".
   * A new key (a new date) makes a new reminder. At most 200 characters.
   */
  dedupeKey: string;
}

export interface ReminderSource {
  /** For logs and the command line summary, like "api-token-expiry". */
  readonly name: string;
  /**
   * Every reminder due at `now`. Called by each instance at each run: returning one already
   * sent is expected and costs nothing (the dedupe key absorbs it); it must not change data.
   */
  dueReminders(now: Date): Promise<DueReminder[]>;
}
