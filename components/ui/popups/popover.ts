/** Radix's Popover on its own, for `import()`: the map page loads it on first use (`DEFERRED.popover`). */
export { Popover } from 'radix-ui';
