/** A parsed IPv4 CIDR block. Azure VNets in this library are IPv4. */
export interface Cidr {
  readonly text: string;
  /** First address as an unsigned 32-bit integer (the network address). */
  readonly start: number;
  /** Last address, inclusive. */
  readonly end: number;
  readonly prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Parses `a.b.c.d/n`, or returns an explanation of what is wrong.
 *
 * Host bits must be zero: Azure rejects `10.0.0.1/16` as an address prefix, so catching it
 * here keeps the error at synth time instead of halfway through an apply.
 */
export function parseCidr(text: string): Cidr | string {
  const m = CIDR.exec(text);
  if (!m) return 'must be an IPv4 CIDR block like 10.0.0.0/16';
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255)) return 'must be an IPv4 CIDR block with octets between 0 and 255';
  if (prefix > 32) return 'must have a prefix length between 0 and 32';
  const addr = octets.reduce((acc, octet) => acc * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  const start = Math.floor(addr / size) * size;
  if (start !== addr) return `must have no host bits set (did you mean ${format(start)}/${prefix}?)`;
  return { text, start, end: start + size - 1, prefix };
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function format(n: number): string {
  return [3, 2, 1, 0].map((i) => Math.floor(n / 256 ** i) % 256).join('.');
}
