/**
 * `prop-types` for the browser bundle (aliased in index.ts). Libraries the site runs (the router,
 * the head manager) declare their components' prop types; only a development build of React or
 * Preact checks them, and the package's production build is already a set of do-nothing validators,
 * with an error message for whoever calls one by hand. This is that set without the message:
 * about 0.45 kB less on every page.
 */
function validator(): null {
  return null;
}
validator.isRequired = validator;
const of = (..._declaration: unknown[]) => validator;

export default {
  any: validator,
  array: validator,
  bigint: validator,
  bool: validator,
  element: validator,
  elementType: validator,
  func: validator,
  node: validator,
  number: validator,
  object: validator,
  string: validator,
  symbol: validator,
  arrayOf: of,
  exact: of,
  instanceOf: of,
  objectOf: of,
  oneOf: of,
  oneOfType: of,
  shape: of,
  checkPropTypes: validator,
  resetWarningCache: validator,
};
