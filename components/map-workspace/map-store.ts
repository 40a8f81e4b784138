/**
 * Moved to components/map-store/map-store.ts. Only lib/http/__tests__ still imports it from here (that folder
 * is not the UI's to edit); once those imports name components/map-store/map-store, delete this file.
 * Nothing in the app may import it.
 */
export * from '@/components/map-store/map-store';
