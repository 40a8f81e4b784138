// Stands in for the `server-only` marker package in in-process API tests (see vitest.config.mts).
export {};
