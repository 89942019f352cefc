// Where reminder emails go. The transport is chosen by LIFELINE_MAIL_TRANSPORT; nodemailer builds
// the message in every case, so what a developer sees printed or filed is what SMTP would send.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { MailTransportSetting } from '../../config.ts';
import { redactPassword } from '../../store/database.ts';

export interface OutgoingEmail {
  /** The outbox row's id: the Message-ID, and the file name of the file transport. */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  /** Safe to print: no password. */
  readonly description: string;
  /** Resolves once the message is handed over; rejects when it could not be. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

function messageOf(email: OutgoingEmail): SendMailOptions {
  return { from: email.from, to: email.to, subject: email.subject, text: email.text, messageId: `<${email.id}@lifeline>` };
}

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

/** The message as it would go over the wire (RFC 5322), headers and all. */
async function compose(email: OutgoingEmail): Promise<Buffer> {
  const info = await composer.sendMail(messageOf(email));
  if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer returned a stream, not the message');
  return info.message;
}

/** Development: the email is printed (stdout, not the log: logs never hold addresses or text). */
export class ConsoleMailTransport implements MailTransport {
  readonly description = 'console (printed to standard output)';
  constructor(private readonly output: NodeJS.WritableStream = process.stdout) {}

  async send(email: OutgoingEmail): Promise<void> {
    const message = await compose(email);
    this.output.write(`----- email ${email.id} -----\n${message.toString('utf8')}\n----- end of email -----\n`);
  }

  close(): void {}
}

/** One .eml file per email, named by its outbox id: sending it again after a crash rewrites the same file. */
export class FileMailTransport implements MailTransport {
  readonly description: string;
  constructor(private readonly directory: string) {
    this.description = `files in ${directory}`;
  }

  async send(email: OutgoingEmail): Promise<void> {
    const message = await compose(email);
    mkdirSync(this.directory, { recursive: true });
    writeFileSync(path.join(this.directory, `${email.id}.eml`), message, { mode: 0o600 });
  }

  close(): void {}
}

export class SmtpMailTransport implements MailTransport {
  readonly description: string;
  private readonly transporter: Transporter;

  constructor(url: string) {
    this.description = `SMTP ${redactPassword(url)}`;
    this.transporter = nodemailer.createTransport(url);
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transporter.sendMail(messageOf(email));
  }

  close(): void {
    this.transporter.close();
  }
}

export function mailTransportFor(setting: MailTransportSetting): MailTransport {
  switch (setting.kind) {
    case 'console': return new ConsoleMailTransport();
    case 'file': return new FileMailTransport(setting.directory);
    case 'smtp': return new SmtpMailTransport(setting.url);
  }
}
