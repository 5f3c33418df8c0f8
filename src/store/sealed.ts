import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { z } from "zod";
import { CodedError } from "../errors.js";

/**
 * Secrets at rest (bot tokens): AES-256-GCM with a key from the environment. Someone who reads Redis (a backup,
 * a replica, a MONITOR) sees only ciphertext. The store key is the associated data, so a sealed value moved to
 * another key (one workspace's token under another's name) fails to open instead of being used there.
 */
export const sealedSchema = z.object({
  v: z.literal(1),
  iv: z.base64(),
  tag: z.base64(),
  data: z.base64(),
});
export type Sealed = z.infer<typeof sealedSchema>;

/** 96-bit nonces, random per seal: GCM's recommended size, safe for far more seals than installs will ever see. */
const IV_BYTES = 12;
export const SEAL_KEY_BYTES = 32;

/** A sealed value that did not open: wrong key, tampered with, or moved from another key. */
export class SealBrokenError extends CodedError {
  readonly code = "seal_broken";
  constructor(
    readonly key: string,
    options: { cause: unknown },
  ) {
    super(`Sealed value at ${key} does not open with this key (wrong key, tampered with, or moved)`, options);
  }
}

export interface Sealer {
  seal(storeKey: string, plain: string): Sealed;
  open(storeKey: string, sealed: Sealed): string;
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== SEAL_KEY_BYTES)
    throw new RangeError(`An AES-256 key is ${SEAL_KEY_BYTES} bytes, got ${key.length}`);
  return {
    seal(storeKey, plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(storeKey, "utf8"));
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return {
        v: 1,
        iv: iv.toString("base64"),
        tag: cipher.getAuthTag().toString("base64"),
        data: data.toString("base64"),
      };
    },
    open(storeKey, sealed) {
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64"));
        decipher.setAAD(Buffer.from(storeKey, "utf8"));
        decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
        return Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64")), decipher.final()]).toString("utf8");
      } catch (error) {
        throw new SealBrokenError(storeKey, { cause: error });
      }
    },
  };
}
