import { describe, expect, it } from 'vitest';
import { createSha256Stream } from './sha256-stream';
import { sha256Hex } from './hash-file';

const webCryptoHex = async (bytes: Uint8Array<ArrayBuffer>) =>
  Array.from(
    new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)),
    (b) => b.toString(16).padStart(2, '0'),
  ).join('');

/** Deterministic pseudo-random bytes (xorshift), so failures reproduce. */
function bytesOf(length: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('createSha256Stream', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    const abc = createSha256Stream();
    abc.update(new TextEncoder().encode('abc'));
    expect(abc.digestHex()).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const empty = createSha256Stream();
    expect(empty.digestHex()).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it.each([55, 56, 63, 64, 65, 1000, 4099])(
    'agrees with WebCrypto for %d bytes fed in uneven pieces',
    async (length) => {
      const data = bytesOf(length, length);
      const stream = createSha256Stream();
      for (
        let offset = 0, step = 1;
        offset < length;
        offset += step, step += 7
      ) {
        stream.update(data.subarray(offset, offset + step));
      }
      expect(stream.digestHex()).toBe(await webCryptoHex(data));
    },
  );

  it('refuses to be used after the digest', () => {
    const stream = createSha256Stream();
    stream.digestHex();
    expect(() => stream.update(new Uint8Array(1))).toThrow(/finished/);
  });
});

describe('sha256Hex', () => {
  it('gives the same hash whole or chunked', async () => {
    const data = bytesOf(100_003);
    const blob = new Blob([data]);
    const whole = await sha256Hex(blob);
    const chunked = await sha256Hex(blob, {
      wholeFileLimit: 10,
      chunkBytes: 4096,
    });
    expect(whole).toBe(await webCryptoHex(data));
    expect(chunked).toBe(whole);
  });

  it('differs when one byte differs', async () => {
    const a = bytesOf(5000);
    const b = a.slice();
    b[2500] = (b[2500]! + 1) & 0xff;
    expect(await sha256Hex(new Blob([a]))).not.toBe(
      await sha256Hex(new Blob([b])),
    );
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      sha256Hex(new Blob([bytesOf(1000)]), {
        wholeFileLimit: 1,
        chunkBytes: 100,
        signal: controller.signal,
      }),
    ).rejects.toThrow();
  });
});
