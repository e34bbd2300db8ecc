/** A bundle belongs to an implementation list and is named by its id: `bundles/<id>.yaml`. */
import { bundleRule } from './rule.js';

export const bundleIdentity = bundleRule({
  id: 'bundle-identity',
  scope: 'bundle',
  codes: ['bundle/id-mismatch'],
  check(bundle, { file }) {
    const expected = (file.split('/').pop() ?? '').replace(/\.ya?ml$/i, '');
    return bundle.id === expected
      ? []
      : [{ code: 'bundle/id-mismatch', path: '/id', args: { value: bundle.id, expected } }];
  },
});
