import type { MailTransport, OutgoingEmail } from '../../../src/services/reminders/mailTransport.ts';

/**
 * Keeps every email handed to it, after a short pause like a mail server's, so that two
 * schedulers sharing it overlap; `failNext` makes the next sends fail as an unreachable server would.
 */
export class RecordingTransport implements MailTransport {
  readonly description = 'recording (test)';
  readonly sent: OutgoingEmail[] = [];
  private failures = 0;

  constructor(private readonly pauseMs = 2) {}

  failNext(count: number): void {
    this.failures = count;
  }

  async send(email: OutgoingEmail): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.pauseMs));
    if (this.failures > 0) {
      this.failures -= 1;
      throw Object.assign(new Error(`Connection refused while sending to ${email.to}`), { code: 'ECONNECTION' });
    }
    this.sent.push(email);
  }

  close(): void {}
}
