import { createHash, randomBytes } from 'node:crypto';

/** Keys and tokens are stored and compared only as SHA-256 hashes. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** PilotStatus-looking ids: a prefix and random base-36 text. */
export const newId = (prefix: string): string => `${prefix}${BigInt(`0x${randomBytes(12).toString('hex')}`).toString(36)}`;
