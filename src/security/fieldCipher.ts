// AES-256-GCM for fields that must not be readable in a copy of the database.
//
// Key rotation: each sealed value names the key that sealed it (a fingerprint, not the key).
// To rotate, set the new key as LIFELINE_FIELD_KEY and move the old one into
// LIFELINE_FIELD_KEY_PREVIOUS: new writes use the new key, old values stay readable, and a
// re-encryption job (or the natural rewrite of records) retires the old key, after which it is
// removed from the configuration.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const FORMAT = 'v2';

function fingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export class FieldCipher {
  private readonly currentId: string;
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly current: Buffer, previous: readonly Buffer[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== 32) throw new Error('The field-encryption key must be 32 bytes');
      this.keys.set(fingerprint(key), key);
    }
    this.currentId = fingerprint(current);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, this.currentId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  open(sealed: string): string {
    const [format, keyId, iv, tag, body] = sealed.split('.');
    if (format !== FORMAT || keyId === undefined || iv === undefined || tag === undefined || body === undefined) {
      throw new Error('Sealed field is not in a known format');
    }
    const key = this.keys.get(keyId);
    if (key === undefined) throw new Error(`Sealed field uses key ${keyId}, which is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Whether a value was sealed with an older key and should be sealed again. */
  needsResealing(sealed: string): boolean {
    return sealed.split('.')[1] !== this.currentId;
  }
}
