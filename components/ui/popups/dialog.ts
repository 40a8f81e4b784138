/** Radix's Dialog and the app's modal panel, for `import()`: the map page loads them on first use (`DEFERRED.dialog`). */
export { Dialog } from 'radix-ui';
export { ModalActions, ModalContent } from '@/components/ui/modal';
