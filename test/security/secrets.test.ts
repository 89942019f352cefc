import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../src/domain/passwordPolicy.ts';
import { FieldCipher } from '../../src/security/fieldCipher.ts';
import { hashPassword, verifyPassword } from '../../src/security/passwords.ts';
import { currentTotpCode, matchTotpStep, newTotpSecret } from '../../src/security/totp.ts';

describe('field encryption', () => {
  const cipher = new FieldCipher(randomBytes(32));

  it('round-trips text, never stores it readably, and gives a new ciphertext each time', () => {
    const sealed = cipher.seal('Nguyễn Thị Lan, 12 Acacia Road');
    expect(sealed).not.toContain('Lan');
    expect(cipher.seal('Nguyễn Thị Lan, 12 Acacia Road')).not.toBe(sealed);
    expect(cipher.open(sealed)).toBe('Nguyễn Thị Lan, 12 Acacia Road');
  });

  it('detects a tampered ciphertext and refuses the wrong key', () => {
    const sealed = cipher.seal('secret');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4] ?? '', 'base64');
    body[0] = (body[0] ?? 0) ^ 1;
    expect(() => cipher.open([parts[0], parts[1], parts[2], parts[3], body.toString('base64')].join('.'))).toThrow();
    expect(() => new FieldCipher(randomBytes(32)).open(sealed)).toThrow();
    expect(() => new FieldCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('passwords', () => {
  it('are hashed with argon2id and verified', async () => {
    const hash = await hashPassword('lantern harbour violet');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'lantern harbour violet')).toBe(true);
    expect(await verifyPassword(hash, 'lantern harbour violets')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('follow the NCSC rules: long enough, not common, no composition rules', () => {
    expect(passwordProblem('short one')).toBe('too-short');
    expect(passwordProblem('password1234')).toBe('too-common');
    expect(passwordProblem('Password1234!!')).toBe('too-common');
    expect(passwordProblem('qwertyuiopasdfghjkl')).toBe('too-common');
    expect(passwordProblem('aaaaaaaaaaaaaa')).toBe('too-common');
    expect(passwordProblem('x'.repeat(257))).toBe('too-long');
    expect(passwordProblem('priya.shah.works.here', 'priya.shah@met.example')).toBe('contains-email');
    expect(passwordProblem('lantern harbour violet')).toBeNull();
    // Length counts characters, not bytes: twelve Thai characters are enough.
    expect(passwordProblem('สวัสดีครับผมชื่อ')).toBeNull();
  });
});

describe('TOTP', () => {
  it('matches the RFC 6238 SHA-1 test vector', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits); 6 digits → 287082.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(currentTotpCode(secret, new Date(59_000))).toBe('287082');
    expect(matchTotpStep(secret, '287082', new Date(59_000))).toBe(1);
    expect(matchTotpStep(secret, '287082', new Date(59_000 + 30_000))).toBe(1);
    expect(matchTotpStep(secret, '287082', new Date(59_000 + 90_000))).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', new Date(59_000))).toBeNull();
  });

  it('makes 160-bit secrets', () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe('field key rotation', () => {
  it('reads values sealed with a previous key, writes with the current one, and says what needs resealing', () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = new FieldCipher(oldKey).seal('kept across rotation');
    const rotated = new FieldCipher(newKey, [oldKey]);
    expect(rotated.open(before)).toBe('kept across rotation');
    expect(rotated.needsResealing(before)).toBe(true);
    const after = rotated.seal('kept across rotation');
    expect(rotated.needsResealing(after)).toBe(false);
    expect(() => new FieldCipher(newKey).open(before)).toThrow(/not configured/);
  });
});
