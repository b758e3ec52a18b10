// `chrome` exists inside the extension's service worker, where e2e tests evaluate small functions.
declare const chrome: {
  storage: {
    local: {
      get(keys: string | string[]): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
    };
  };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};
