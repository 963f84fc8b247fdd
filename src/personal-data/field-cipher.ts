import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM, as node:crypto has it. A box is iv (12 bytes) ‖ ciphertext ‖ tag (16 bytes); the
 * additional data binds a box to its place (a subject, a field), so that a box moved elsewhere
 * does not open.
 */
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;
/** Marks a sealed field and its format; another format would get the next number. */
const SEALED_PREFIX = 'pd1:';

/** A box that does not open: wrong key, wrong place, or changed bytes. */
export class BoxUnreadable extends Error {}

export function encrypt(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv).setAAD(Buffer.from(aad, 'utf8'));
  return Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

export function decrypt(key: Buffer, box: Buffer, aad: string): Buffer {
  if (box.length < IV_BYTES + TAG_BYTES) throw new BoxUnreadable('too short to be a box');
  const decipher = createDecipheriv(ALGORITHM, key, box.subarray(0, IV_BYTES)).setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(box.subarray(box.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(box.subarray(IV_BYTES, box.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new BoxUnreadable('authentication failed');
  }
}

/** A text field as it is stored: `pd1:` and the box in base64url. */
export function sealText(key: Buffer, text: string, aad: string): string {
  return SEALED_PREFIX + encrypt(key, Buffer.from(text, 'utf8'), aad).toString('base64url');
}

export function openText(key: Buffer, sealed: string, aad: string): string {
  if (!isSealed(sealed)) throw new BoxUnreadable('not a sealed field');
  return decrypt(key, Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url'), aad).toString('utf8');
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Emails are compared without case and surrounding space: `Anna@Example.se ` is `anna@example.se`. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/**
 * The master key (PERSONAL_DATA_KEY): wraps each subject's data key and keys the email lookup.
 * Two keys are derived from it (HKDF-SHA256) so that neither use can stand in for the other.
 */
export class MasterKey {
  private readonly wrapping: Buffer;
  private readonly lookup: Buffer;

  constructor(secret: string) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), info, KEY_BYTES));
    this.wrapping = derive('iop-engine personal-data key wrapping v1');
    this.lookup = derive('iop-engine personal-data email lookup v1');
  }

  wrap(dataKey: Buffer, tenant: string, subjectId: string): Buffer {
    return encrypt(this.wrapping, dataKey, `${tenant}/${subjectId}`);
  }

  unwrap(wrapped: Buffer, tenant: string, subjectId: string): Buffer {
    return decrypt(this.wrapping, wrapped, `${tenant}/${subjectId}`);
  }

  /** HMAC-SHA256 of tenant and normalised email: finds a subject by email without storing the email. */
  emailLookup(tenant: string, email: string): Buffer {
    return createHmac('sha256', this.lookup)
      .update(`${tenant}\n${normaliseEmail(email)}`, 'utf8')
      .digest();
  }
}
