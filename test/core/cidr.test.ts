import { contains, overlaps, parseCidr } from '../../src/core/private/cidr';

const p = (t: string) => {
  const c = parseCidr(t);
  if (typeof c === 'string') throw new Error(c);
  return c;
};

describe('cidr', () => {
  test('parses ranges', () => {
    expect(p('10.0.0.0/16')).toMatchObject({ prefix: 16, start: 167772160, end: 167837695 });
    expect(p('0.0.0.0/0')).toMatchObject({ start: 0, end: 2 ** 32 - 1 });
    expect(p('192.168.1.128/25').start).toBe(3232235904);
  });

  test('containment and overlap', () => {
    expect(contains(p('10.0.0.0/16'), p('10.0.1.0/24'))).toBe(true);
    expect(contains(p('10.0.0.0/16'), p('10.1.0.0/24'))).toBe(false);
    expect(overlaps(p('10.0.0.0/23'), p('10.0.1.0/24'))).toBe(true);
    expect(overlaps(p('10.0.0.0/24'), p('10.0.1.0/24'))).toBe(false);
  });

  test('explains malformed input', () => {
    expect(parseCidr('10.0.0/16')).toMatch(/IPv4 CIDR block/);
    expect(parseCidr('10.0.0.5/24')).toBe('must have no host bits set (did you mean 10.0.0.0/24?)');
  });
});
