import { ApiError } from '@/lib/api-client/errors';

/**
 * A part of the map page split from its first bundle (a panel, a form's schemas, a library used by
 * one button), loaded on first use or once the page is idle. Every use goes through the same
 * `load`, so the idle prefetch fetches exactly what a click needs (two `import()` sites of the same
 * module may be given different chunks by the bundler).
 */
export interface OnDemand<T> {
  /** The module once loaded (so a panel shows at once the second time), else `undefined`. */
  readonly loaded: T | undefined;
  /** Loads it. A failure (offline) is not remembered: the next call fetches again. */
  load(): Promise<T>;
}

/** A split-off part of the page could not be fetched: the server cannot be reached (status 0, like a failed request). */
export class ModuleLoadError extends ApiError {
  constructor(cause: unknown) {
    super('This part of the page could not be loaded: the server cannot be reached.', 0, [], null);
    this.cause = cause;
  }
}

/**
 * Wraps `importer` (an `import()` of one module) so that concurrent uses share one fetch, a success
 * is kept, and a failure rejects with {@link ModuleLoadError} and is forgotten.
 */
export function onDemand<T>(importer: () => Promise<T>): OnDemand<T> {
  let loaded: T | undefined;
  let pending: Promise<T> | null = null;
  return {
    get loaded() {
      return loaded;
    },
    load() {
      if (loaded !== undefined) return Promise.resolve(loaded);
      pending ??= importer().then(
        (module) => {
          loaded = module;
          pending = null;
          return module;
        },
        (error: unknown) => {
          pending = null;
          throw new ModuleLoadError(error);
        },
      );
      return pending;
    },
  };
}
