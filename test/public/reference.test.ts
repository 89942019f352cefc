import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  generateReference,
  generateSecret,
  hashSecret,
  parseReference,
  referenceAlphabet,
  verifySecret,
} from '../../src/public/report/reference.ts';

describe('reference codes', () => {
  it('look like LL-XXXX-XXXX in the unambiguous alphabet', () => {
    for (let i = 0; i < 1000; i += 1) {
      const reference = generateReference();
      expect(reference).toMatch(/^LL-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(reference.slice(3)).not.toMatch(/[01OI]/);
    }
    expect(referenceAlphabet).toHaveLength(32);
    expect(new Set(referenceAlphabet).size).toBe(32);
  });

  it('pass their own check and parse back to themselves', () => {
    for (let i = 0; i < 1000; i += 1) {
      const reference = generateReference();
      expect(parseReference(reference)).toBe(reference);
    }
  });

  it('are read however people type them', () => {
    const reference = generateReference();
    const body = reference.slice(3).replace('-', '');
    expect(parseReference(reference.toLowerCase())).toBe(reference);
    expect(parseReference(` ${body.slice(0, 2)} ${body.slice(2)} `)).toBe(reference);
    expect(parseReference(`ll ${body}`)).toBe(reference);
  });

  it('catch every single-character typo through the check character', () => {
    for (let sample = 0; sample < 50; sample += 1) {
      const reference = generateReference();
      const body = reference.slice(3).replace('-', '');
      for (let position = 0; position < body.length; position += 1) {
        for (const replacement of referenceAlphabet) {
          if (replacement === body[position]) continue;
          const typo = body.slice(0, position) + replacement + body.slice(position + 1);
          expect(parseReference(typo), `${body} → ${typo}`).toBeNull();
        }
      }
    }
  });

  it('catch swaps of neighbouring characters (Luhn mod N misses only a few pairs)', () => {
    let swaps = 0;
    let caught = 0;
    for (let sample = 0; sample < 200; sample += 1) {
      const body = generateReference().slice(3).replace('-', '');
      for (let position = 0; position < body.length - 1; position += 1) {
        if (body[position] === body[position + 1]) continue;
        const swapped = body.slice(0, position) + body.charAt(position + 1) + body.charAt(position) + body.slice(position + 2);
        swaps += 1;
        if (parseReference(swapped) === null) caught += 1;
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.95);
  });

  it('reject characters outside the alphabet and wrong lengths', () => {
    expect(parseReference('LL-0000-0000')).toBeNull();
    expect(parseReference('LL-7K3M-9QX')).toBeNull();
    expect(parseReference('')).toBeNull();
    expect(parseReference('LL-7K3M-9QXTT')).toBeNull();
  });

  it('compute a known check character (Luhn mod 32)', () => {
    // By hand: payload "2222222" has value 0 everywhere, so the check character is value 0.
    expect(checkCharacter('2222222')).toBe('2');
    // "3" has value 1; doubled (rightmost) gives 2, so the check is 32 - 2 = 30 → 'Y'.
    expect(checkCharacter('3')).toBe('Y');
  });

  it('are unique over many', () => {
    // 32^7 ≈ 3.4e10 codes: among 20,000 the expected number of repeats is about 0.006, so one
    // repeat is tolerated (the store refuses duplicates and the service draws again); a broken
    // generator repeats by the thousand.
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i += 1) seen.add(generateReference());
    expect(seen.size).toBeGreaterThanOrEqual(19_999);
  });
});

describe('one-time secrets', () => {
  it('are 20 characters of the alphabet in groups of four, different every time', () => {
    const secrets = new Set<string>();
    for (let i = 0; i < 1000; i += 1) {
      const secret = generateSecret();
      expect(secret).toMatch(/^([2-9A-HJ-NP-Z]{4}-){4}[2-9A-HJ-NP-Z]{4}$/);
      secrets.add(secret);
    }
    expect(secrets.size).toBe(1000);
  });

  it('verify against their hash, however spaced or cased', async () => {
    const secret = generateSecret();
    const stored = await hashSecret(secret);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.replace(/-/g, ''));
    expect(await verifySecret(secret, stored)).toBe(true);
    expect(await verifySecret(secret.toLowerCase().replace(/-/g, ' '), stored)).toBe(true);
  });

  it('do not verify when wrong', async () => {
    const secret = generateSecret();
    const stored = await hashSecret(secret);
    const oneCharacterOff = (secret.startsWith('A') ? 'B' : 'A') + secret.slice(1);
    expect(await verifySecret(oneCharacterOff, stored)).toBe(false);
    expect(await verifySecret(generateSecret(), stored)).toBe(false);
    expect(await verifySecret('', stored)).toBe(false);
  });

  it('are salted per report: the same secret hashes differently', async () => {
    const secret = generateSecret();
    const [first, second] = await Promise.all([hashSecret(secret), hashSecret(secret)]);
    expect(first).not.toBe(second);
    expect(await verifySecret(secret, first)).toBe(true);
    expect(await verifySecret(secret, second)).toBe(true);
  });

  it('do not verify against a malformed stored hash', async () => {
    expect(await verifySecret('ABCD', 'not-a-hash')).toBe(false);
    expect(await verifySecret('ABCD', 'scrypt$16384$8$1$c2FsdA$dG9vc2hvcnQ')).toBe(false);
  });
});
