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
  if (typeof text !== 'string') return 'must be an IPv4 CIDR block string like 10.0.0.0/16';
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

function block(text: string): Cidr {
  const parsed = parseCidr(text);
  if (typeof parsed === 'string') throw new Error(`bad built-in block ${text}`);
  return parsed;
}

/**
 * Ranges Azure refuses in a virtual network's address space (or that can never work there).
 *
 * @see https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq#what-address-ranges-can-i-use-in-my-virtual-networks
 */
const RESERVED: readonly { readonly cidr: Cidr; readonly what: string }[] = [
  { cidr: block('0.0.0.0/8'), what: "0.0.0.0/8 ('this network')" },
  { cidr: block('127.0.0.0/8'), what: '127.0.0.0/8 (loopback)' },
  { cidr: block('169.254.0.0/16'), what: '169.254.0.0/16 (link-local)' },
  { cidr: block('224.0.0.0/4'), what: '224.0.0.0/4 (multicast)' },
  { cidr: block('240.0.0.0/4'), what: '240.0.0.0/4 (reserved, and the broadcast address)' },
  { cidr: block('168.63.129.16/32'), what: "168.63.129.16 (Azure's platform address for DNS, DHCP and health probes)" },
];

/** What reserved range `cidr` overlaps, in words, or undefined when it overlaps none. */
export function reservedOverlap(cidr: Cidr): string | undefined {
  return RESERVED.find((r) => overlaps(r.cidr, cidr))?.what;
}

/** Private (RFC 1918) and shared (RFC 6598, carrier-grade NAT) ranges: the usual VNet ranges. */
const PRIVATE: readonly Cidr[] = [block('10.0.0.0/8'), block('172.16.0.0/12'), block('192.168.0.0/16'), block('100.64.0.0/10')];

/** Whether `cidr` lies wholly inside the private (RFC 1918) or shared (RFC 6598) ranges. */
export function isPrivateRange(cidr: Cidr): boolean {
  return PRIVATE.some((p) => contains(p, cidr));
}

/**
 * Default subnets for a network whose address space the user chose: `fixed` (the library's fixed
 * defaults, e.g. `10.0.0.0/24` and `10.0.1.0/24`) when all of them lie inside `addressSpace`, so
 * that existing stacks keep their subnets; else one block of `/prefix` per default, counted from
 * the start of the address space (halves, quarters… of a space no larger than `/prefix`), so that
 * a default never names addresses the user did not give. Returns `fixed` when `addressSpace` is a
 * token, not a CIDR, or too small to hold the blocks (the usual checks then report it).
 */
export function defaultSubnetsIn(addressSpace: string, prefix: number, fixed: readonly string[]): string[] {
  const space = typeof addressSpace === 'string' ? parseCidr(addressSpace) : undefined;
  if (space === undefined || typeof space === 'string') return [...fixed];
  if (fixed.every((f) => { const c = parseCidr(f); return typeof c !== 'string' && contains(space, c); })) return [...fixed];
  const length = Math.max(prefix, space.prefix + Math.ceil(Math.log2(fixed.length)));
  const size = 2 ** (32 - length);
  if (length > 32 || space.start + fixed.length * size - 1 > space.end) return [...fixed];
  return fixed.map((_, i) => `${format(space.start + i * size)}/${length}`);
}

/**
 * One default subnet for a network whose address space the user chose: `fallback` (the library's
 * fixed default) when it lies inside `addressSpace`; else the `index`-th block of `/prefix` (at
 * least one bit longer than the space) counted from the start of the address space. Returns
 * `fallback` for a token, a bad CIDR, or a space too small to hold that block. For several
 * defaults that must stay apart, use {@link defaultSubnetsIn}.
 */
export function defaultSubnetIn(addressSpace: string, index: number, prefix: number, fallback: string): string {
  const space = typeof addressSpace === 'string' ? parseCidr(addressSpace) : undefined;
  const wanted = parseCidr(fallback);
  if (space === undefined || typeof space === 'string' || typeof wanted === 'string') return fallback;
  if (contains(space, wanted)) return fallback;
  const length = Math.max(prefix, space.prefix + 1);
  if (length > 32) return fallback;
  const size = 2 ** (32 - length);
  const start = space.start + index * size;
  if (start + size - 1 > space.end) return fallback;
  return `${format(start)}/${length}`;
}
