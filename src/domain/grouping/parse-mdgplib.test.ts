import { describe, expect, it } from 'vitest';
import { capture } from '../../../test/support/capture.js';
import { GroupingError } from './grouping-error.js';
import { parseMdgplib } from './parse-mdgplib.js';

const valid = '4 2 ss 2 2 2 2 \n0 1 1.5\n0 2 2\n0 3 3\n1 2 4\n1 3 5\n2 3 6\n';

describe('parseMdgplib', () => {
  it('reads header, bounds and a symmetric matrix', () => {
    const instance = parseMdgplib(valid);
    expect(instance.n).toBe(4);
    expect(Array.from(instance.bounds.lower)).toEqual([2, 2]);
    expect(instance.distance[0 * 4 + 1]).toBe(1.5);
    expect(instance.distance[3 * 4 + 2]).toBe(6);
  });

  it('accepts CRLF line endings and blank trailing lines', () => {
    expect(parseMdgplib(valid.replace(/\n/g, '\r\n') + '\r\n\r\n').n).toBe(4);
  });

  it.each([
    ['', 1, 'empty'],
    ['4 2 xx 2 2 2 2\n', 1, "'ss' or 'ds'"],
    ['4 2 ss 2 2 2\n', 1, 'expected 4 size bounds'],
    ['4 2 ss 3 2 2 2\n', 1, 'a_g = 3 > b_g = 2'],
    ['4 2 ss 2 2 2 2\n0 1 1\n0 2 x\n', 3, "distance 'x' is not a number"],
    ['4 2 ss 2 2 2 2\n0 1 1\n0 9 1\n', 3, 'outside 0..3'],
    ['4 2 ss 2 2 2 2\n0 1 1\n1 0 1\n', 3, 'appears twice'],
    ['4 2 ss 2 2 2 2\n0 1 1 7\n', 2, 'found 4 fields'],
    ['4 2 ss 2 2 2 2\n0 1 1\n', 3, 'expected 6 distance lines'],
  ])('reports %j at line %i', (text, line, problem) => {
    const error = capture(() => parseMdgplib(text));
    expect(error).toBeInstanceOf(GroupingError);
    expect(error).toMatchObject({ code: 'malformed_instance', details: { line } });
    expect((error as GroupingError).message).toContain(problem);
  });

  it('rejects bounds that cannot hold n elements', () => {
    expect(capture(() => parseMdgplib('4 2 ss 3 3 3 3\n'))).toMatchObject({
      code: 'infeasible_bounds',
      details: { n: 4, minTotal: 6, maxTotal: 6 },
    });
  });
});
