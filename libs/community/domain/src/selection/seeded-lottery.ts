import { createHash } from 'node:crypto';

/**
 * A reproducible lottery: the seed (any text, published with the results) is hashed with SHA-256 into the
 * 128-bit state of xoshiro128**, and that drives a Fisher–Yates shuffle with unbiased draws. Anyone holding the
 * seed and the applicant list can replay the draw. The algorithm is part of the record of past selections, so
 * it must never change; a golden-vector test pins it.
 */
export class SeededLottery {
  private readonly state: Uint32Array;

  constructor(seed: string) {
    const digest = createHash('sha256').update(`praxis.lottery.v1\u0000${seed}`, 'utf8').digest();
    this.state = new Uint32Array([
      digest.readUInt32LE(0),
      digest.readUInt32LE(4),
      digest.readUInt32LE(8),
      digest.readUInt32LE(12),
    ]);
    // An all-zero state would only ever return zero; SHA-256 giving 128 zero bits is not a practical concern,
    // but the guard keeps the generator total.
    if (this.state.every((word) => word === 0)) this.state[0] = 1;
  }

  /** For the reference test: a generator with an explicit state. */
  static fromState(state: readonly [number, number, number, number]): SeededLottery {
    const lottery = new SeededLottery('');
    state.forEach((word, index) => (lottery.state[index] = word >>> 0));
    return lottery;
  }

  /** xoshiro128** (Blackman and Vigna): the next 32-bit output. */
  nextUint32(): number {
    const s = this.state;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A uniform integer in [0, bound): draws above the largest multiple of `bound` are rejected, so no bias. */
  nextBelow(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32)
      throw new RangeError(`bound ${bound} out of range`);
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const draw = this.nextUint32();
      if (draw < limit) return draw % bound;
    }
  }

  /** Fisher–Yates (Durstenfeld): a uniformly random permutation, as a new array. */
  shuffle<T>(items: readonly T[]): T[] {
    const result = [...items];
    for (let index = result.length - 1; index > 0; index -= 1) {
      const other = this.nextBelow(index + 1);
      [result[index], result[other]] = [result[other], result[index]];
    }
    return result;
  }
}

function rotl(value: number, shift: number): number {
  return ((value << shift) | (value >>> (32 - shift))) >>> 0;
}
