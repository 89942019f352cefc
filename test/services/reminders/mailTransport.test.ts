// The three mail transports and their configuration: console prints the message, file writes
// one .eml per email, SMTP speaks to a mail server (here a minimal one on a local port).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { errorCode } from '../../../src/services/reminders/reminderLogger.ts';
import { ConsoleMailTransport, FileMailTransport, mailTransportFor, SmtpMailTransport, type OutgoingEmail } from '../../../src/services/reminders/mailTransport.ts';

const folders: string[] = [];
afterAll(() => { for (const folder of folders) rmSync(folder, { recursive: true, force: true }); });
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lifeline-mail-'));
  folders.push(dir);
  return dir;
}

const EMAIL: OutgoingEmail = { id: '01900000-0000-7000-8000-0000000000aa', from: 'Lifeline <no-reply@lifeline.invalid>', to: 'worker@charity.example', subject: 'Reflection period ends in 7 days for case C-12', text: 'A reminder from Lifeline:\n\nOpen it: https://lifeline.example/cases/c-12\n' };

/** Just enough SMTP for nodemailer: greets, accepts one message, and remembers what it was told. */
function fakeSmtpServer(options: { rejectRecipient?: boolean } = {}): Promise<{ server: Server; port: number; messages: Array<{ from: string; to: string; data: string }> }> {
  const messages: Array<{ from: string; to: string; data: string }> = [];
  const server = createServer((socket: Socket) => {
    let buffer = '';
    let inData = false;
    let current = { from: '', to: '', data: '' };
    socket.write('220 fake.smtp ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(current);
            current = { from: '', to: '', data: '' };
            socket.write('250 2.0.0 queued\r\n');
          } else current.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-fake.smtp\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') { current.from = line; socket.write('250 2.1.0 ok\r\n'); }
        else if (verb === 'RCPT') {
          current.to = line;
          socket.write(options.rejectRecipient === true ? `550 5.1.1 ${line.slice(8)}: recipient address rejected\r\n` : '250 2.1.5 ok\r\n');
        } else if (verb === 'DATA') { inData = true; socket.write('354 go ahead\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 bye\r\n'); }
        else if (verb === 'RSET') socket.write('250 ok\r\n');
        else socket.write('502 not implemented\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, port: typeof address === 'object' && address !== null ? address.port : 0, messages });
  }));
}

describe('mail transports', () => {
  it('console: prints the whole message, headers and text', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => { printed += chunk.toString('utf8'); });
    await new ConsoleMailTransport(output).send(EMAIL);
    expect(printed).toContain(`----- email ${EMAIL.id} -----`);
    expect(printed).toContain('To: worker@charity.example');
    expect(printed).toContain('Subject: Reflection period ends in 7 days for case C-12');
    expect(printed).toContain(`Message-ID: <${EMAIL.id}@lifeline>`);
    expect(printed).toContain('Open it: https://lifeline.example/cases/c-12');
  });

  it('file: writes one .eml per email, named by its outbox id, and rewrites the same file when sent again', async () => {
    const directory = path.join(tempDir(), 'mail');
    const transport = new FileMailTransport(directory);
    await transport.send(EMAIL);
    await transport.send(EMAIL);
    await transport.send({ ...EMAIL, id: '01900000-0000-7000-8000-0000000000bb' });
    expect(readdirSync(directory).sort()).toEqual([`${EMAIL.id}.eml`, '01900000-0000-7000-8000-0000000000bb.eml']);
    expect(readFileSync(path.join(directory, `${EMAIL.id}.eml`), 'utf8')).toMatch(/^From: Lifeline <no-reply@lifeline\.invalid>\nTo: worker@charity\.example\n/);
  });

  it('smtp: delivers to the mail server named in the URL', async () => {
    const { server, port, messages } = await fakeSmtpServer();
    const transport = new SmtpMailTransport(`smtp://user:secret@127.0.0.1:${port}?ignoreTLS=true`);
    try {
      expect(transport.description).toBe(`SMTP smtp://user:***@127.0.0.1:${port}?ignoreTLS=true`);
      // No AUTH offered by the fake server, so nodemailer sends without it.
      await transport.send(EMAIL);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.to).toBe('RCPT TO:<worker@charity.example>');
      expect(messages[0]?.data).toContain('Subject: Reflection period ends in 7 days for case C-12');
    } finally {
      transport.close();
      server.close();
    }
  });

  it('smtp: rejects when the server refuses, with a code and no address to log', async () => {
    const { server, port } = await fakeSmtpServer({ rejectRecipient: true });
    const transport = new SmtpMailTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
    try {
      const failure = await transport.send(EMAIL).then(() => null, (error: unknown) => error);
      expect(failure).not.toBeNull();
      expect(errorCode(failure)).toBe('EENVELOPE 550');
    } finally {
      transport.close();
      server.close();
    }
  });
});

describe('mail configuration', () => {
  const base = (extra: Record<string, string>) => ({ NODE_ENV: 'test', LIFELINE_DATA_DIR: tempDir(), ...extra });

  it('defaults to the console in development and to files in the data folder elsewhere', () => {
    const dataDir = tempDir();
    expect(loadConfig({ NODE_ENV: 'development', LIFELINE_DATA_DIR: dataDir }).mailTransport).toEqual({ kind: 'console' });
    expect(loadConfig({ NODE_ENV: 'test', LIFELINE_DATA_DIR: dataDir }).mailTransport).toEqual({ kind: 'file', directory: path.join(dataDir, 'mail') });
    expect(mailTransportFor({ kind: 'console' })).toBeInstanceOf(ConsoleMailTransport);
  });

  it('reads file:, smtp:// and smtps://, the interval and the base URL', () => {
    expect(loadConfig(base({ LIFELINE_MAIL_TRANSPORT: 'file:relative/mail' })).mailTransport).toEqual({ kind: 'file', directory: path.resolve('relative/mail') });
    expect(loadConfig(base({ LIFELINE_MAIL_TRANSPORT: 'smtps://u:p@mail.example:465' })).mailTransport).toEqual({ kind: 'smtp', url: 'smtps://u:p@mail.example:465' });
    const config = loadConfig(base({ LIFELINE_REMINDER_INTERVAL_SECONDS: '0', LIFELINE_BASE_URL: 'https://lifeline.example/', LIFELINE_MAIL_FROM: 'Ops <ops@example.org>' }));
    expect(config).toMatchObject({ reminderIntervalSeconds: 0, staffBaseUrl: 'https://lifeline.example', mailFrom: 'Ops <ops@example.org>' });
    expect(loadConfig(base({})).reminderIntervalSeconds).toBe(60);
  });

  it('names the variable of a bad value, without echoing a mail URL that may hold a password', () => {
    const problems = (env: Record<string, string>): string => {
      try {
        loadConfig(base(env));
      } catch (error) {
        return error instanceof Error ? error.message : '';
      }
      return 'accepted';
    };
    const badMail = problems({ LIFELINE_MAIL_TRANSPORT: 'sendmail:p4ssw0rd' });
    expect(badMail).toContain('LIFELINE_MAIL_TRANSPORT must be console, file:<folder> or smtp://');
    expect(badMail).not.toContain('p4ssw0rd');
    expect(problems({ LIFELINE_REMINDER_INTERVAL_SECONDS: '-1' })).toContain('LIFELINE_REMINDER_INTERVAL_SECONDS must be a whole number from 0 to 86400 (got "-1").');
    expect(problems({ LIFELINE_BASE_URL: 'ftp://x' })).toContain('LIFELINE_BASE_URL must be an http:// or https:// address');
  });
});
