// `chrome` exists inside the extension's service worker, where e2e tests evaluate small functions.
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};
