// What the component tests of the extension's pages start from: empty extension storage with the settings store
// as it was first made, and the messages a page sends to the worker caught instead of sent.
import { vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useSettings } from '@/components/settings-store';

const initialSettings = useSettings.getState();

export async function freshSettingsStore(): Promise<void> {
  await fakeBrowser.storage.local.clear();
  useSettings.setState(initialSettings, true);
}

/** Catches runtime.sendMessage (each answers undefined) and returns the spy: what the page asked the worker. */
export function catchWorkerMessages(): Mock {
  const sent: Mock = vi.fn(() => Promise.resolve(undefined));
  // A plain Mock's signature is wider than sendMessage's overloads.
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(sent as never);
  return sent;
}
