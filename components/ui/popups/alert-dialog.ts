/** Radix's AlertDialog on its own, for `import()`: the map page loads it on first use (`DEFERRED.alertDialog`). */
export { AlertDialog } from 'radix-ui';
