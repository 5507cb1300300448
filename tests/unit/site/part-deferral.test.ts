import {describe, expect, it} from 'vitest';
import {deferringParts, partDeferral, type DeferPart} from '../../../src/components/kit/deferred-hydration';

const deferTo = (): DeferPart => () => ({update() {}, remove() {}});

describe('part deferral', () => {
  it('is on only while a hydrating render runs, and a part hydrating inside another defers through its own', () => {
    const page = deferTo();
    const part = deferTo();
    expect(partDeferral()).toBeNull();
    const seen = deferringParts(page, () => {
      const outer = partDeferral();
      const inner = deferringParts(part, () => partDeferral());
      return [outer, inner, partDeferral()];
    });
    expect(seen).toEqual([page, part, page]);
    expect(partDeferral()).toBeNull();
  });

  it('is off again after a render that throws', () => {
    expect(() =>
      deferringParts(deferTo(), () => {
        throw new Error('render failed');
      }),
    ).toThrow('render failed');
    expect(partDeferral()).toBeNull();
  });
});
