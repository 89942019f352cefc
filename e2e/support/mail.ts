// The mail sender of a journey: keeps every email it is handed, so a journey can count them.
// Shared by every instance in the journey, as one SMTP server would be.
import type { MailTransport, OutgoingEmail } from '../../src/services/reminders/mailTransport.ts';

export class KeptMail implements MailTransport {
  readonly description = 'kept for the journey (test)';
  readonly sent: OutgoingEmail[] = [];

  async send(email: OutgoingEmail): Promise<void> {
    // A short pause, as a mail server's, so two instances sending at once overlap.
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.sent.push(email);
  }

  close(): void {}
}
