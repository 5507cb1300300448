import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import shim from '../../../src/plugins/preact-client/prop-types';

// The package's own production build: validators that throw if called by hand.
const productionPropTypes = createRequire(import.meta.url)('prop-types/factoryWithThrowingShims')() as Record<string, unknown>;

describe('the browser bundle’s prop-types', () => {
  it('has every validator and helper the package’s production build has', () => {
    const names = Object.keys(productionPropTypes).filter((name) => name !== 'PropTypes');
    expect(names.length).toBeGreaterThan(15);
    expect(Object.keys(shim).sort()).toEqual(names.sort());
  });

  it('takes the declarations libraries write and checks nothing', () => {
    const declared = {
      children: shim.oneOfType([shim.arrayOf(shim.node), shim.node]),
      link: shim.arrayOf(shim.object).isRequired,
      history: shim.shape({push: shim.func.isRequired}),
      title: shim.string,
    };
    for (const type of Object.values(declared)) expect(type()).toBeNull();
    expect(shim.checkPropTypes()).toBeNull();
  });
});
