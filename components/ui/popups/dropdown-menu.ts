/** Radix's DropdownMenu on its own, for `import()`: the map page loads it on first use (`DEFERRED.dropdownMenu`). */
export { DropdownMenu } from 'radix-ui';
