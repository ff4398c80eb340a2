/**
 * Salesforce record ids: a 3-character key prefix naming the object, 12 more characters, and a
 * 3-character suffix that encodes which of the first 15 are upper case (so 18-character ids survive
 * case-insensitive tools). The API accepts 15- and 18-character forms and always answers with 18.
 */
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID15 = /^[a-zA-Z0-9]{15}$/;
const ID18 = /^[a-zA-Z0-9]{18}$/;

export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const char = id15.charAt(chunk * 5 + i);
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/**
 * The 18-character form of an id: a 15-character id gains its suffix, an 18-character one is kept as
 * written (hand-written ids such as `00G000000000001AAA` in configs carry a suffix that does not match
 * their case; what identifies a record is its first 15 characters). Undefined when it is not an id.
 */
export function normalizeId(id: string): string | undefined {
  if (ID18.test(id)) return id;
  if (ID15.test(id)) return id + checksumSuffix(id);
  return undefined;
}

/** What identifies a record: the case-sensitive first 15 characters. */
export function idKey(id: string): string | undefined {
  return ID18.test(id) || ID15.test(id) ? id.slice(0, 15) : undefined;
}

/**
 * Mints ids per key prefix. The middle segment `5g0000` (a pod-like marker, as real ids carry) keeps
 * minted ids apart from the hand-written `500000000000001AAA` style that scenarios seed.
 */
export class IdMinter {
  readonly #counters = new Map<string, number>();

  mint(prefix: string, taken: (id: string) => boolean = () => false): string {
    for (;;) {
      const next = (this.#counters.get(prefix) ?? 0) + 1;
      this.#counters.set(prefix, next);
      const id15 = `${prefix}5g0000${toBase62(next, 6)}`;
      const id = id15 + checksumSuffix(id15);
      if (!taken(id)) return id;
    }
  }

  snapshot(): ReadonlyMap<string, number> {
    return new Map(this.#counters);
  }

  restore(counters: ReadonlyMap<string, number>): void {
    this.#counters.clear();
    for (const [prefix, value] of counters) this.#counters.set(prefix, value);
  }
}

function toBase62(value: number, width: number): string {
  let text = '';
  let rest = value;
  while (rest > 0) {
    text = BASE62.charAt(rest % 62) + text;
    rest = Math.floor(rest / 62);
  }
  return text.padStart(width, '0');
}
