/**
 * An incremental SHA-256 (FIPS 180-4). WebCrypto's `digest` only takes the
 * whole input at once, which would mean holding a multi-GB file in memory;
 * this one takes the bytes in chunks, so a 5 GB file is hashed with a few
 * MB of memory. Used only above the size where `crypto.subtle` is fine.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
  0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
  0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export interface Sha256Stream {
  update(bytes: Uint8Array): void;
  /** The hex digest; the stream cannot be updated afterwards. */
  digestHex(): string;
}

export function createSha256Stream(): Sha256Stream {
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c,
    0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const pending = new Uint8Array(64);
  let pendingLength = 0;
  let totalBytes = 0;
  let finished = false;

  const compress = (block: Uint8Array, offset: number) => {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      w[i] =
        ((block[j]! << 24) |
          (block[j + 1]! << 16) |
          (block[j + 2]! << 8) |
          block[j + 3]!) >>>
        0;
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 =
        ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const s1 =
        ((e >>> 6) | (e << 26)) ^
        ((e >>> 11) | (e << 21)) ^
        ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + s1 + ch + K[i]! + w[i]!) >>> 0;
      const s0 =
        ((a >>> 2) | (a << 30)) ^
        ((a >>> 13) | (a << 19)) ^
        ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (s0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  };

  return {
    update(bytes) {
      if (finished) throw new Error('SHA-256 stream already finished.');
      totalBytes += bytes.length;
      let offset = 0;
      if (pendingLength > 0) {
        const take = Math.min(64 - pendingLength, bytes.length);
        pending.set(bytes.subarray(0, take), pendingLength);
        pendingLength += take;
        offset = take;
        if (pendingLength < 64) return;
        compress(pending, 0);
        pendingLength = 0;
      }
      for (; offset + 64 <= bytes.length; offset += 64) compress(bytes, offset);
      pending.set(bytes.subarray(offset), 0);
      pendingLength = bytes.length - offset;
    },
    digestHex() {
      if (finished) throw new Error('SHA-256 stream already finished.');
      finished = true;
      // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian.
      const bitsHigh = Math.floor(totalBytes / 0x20000000);
      const bitsLow = (totalBytes * 8) >>> 0;
      const tail = new Uint8Array(pendingLength < 56 ? 64 : 128);
      tail.set(pending.subarray(0, pendingLength));
      tail[pendingLength] = 0x80;
      const view = new DataView(tail.buffer);
      view.setUint32(tail.length - 8, bitsHigh);
      view.setUint32(tail.length - 4, bitsLow);
      for (let offset = 0; offset < tail.length; offset += 64) {
        compress(tail, offset);
      }
      return Array.from(h, (word) => word.toString(16).padStart(8, '0')).join(
        '',
      );
    },
  };
}
