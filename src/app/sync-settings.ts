import type { Catalog } from '../persistence/catalog';

export interface SyncSettings {
  readonly signaling: readonly string[];
  readonly iceServers: readonly RTCIceServer[];
}

const KEY = 'syncSettings';

/** The relay served with the app, on the same host: `npm start` puts it at /signal. */
export function defaultSignalingUrl(): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/signal`;
}

export const defaultSyncSettings = (): SyncSettings => ({ signaling: [defaultSignalingUrl()], iceServers: [] });

export async function loadSyncSettings(catalog: Catalog): Promise<SyncSettings> {
  const stored = await catalog.readSetting<Partial<SyncSettings>>(KEY);
  const defaults = defaultSyncSettings();
  return {
    signaling: stored?.signaling?.length ? stored.signaling : defaults.signaling,
    iceServers: stored?.iceServers ?? defaults.iceServers,
  };
}

export async function saveSyncSettings(catalog: Catalog, settings: SyncSettings): Promise<void> {
  await catalog.writeSetting(KEY, settings);
}

/** Parses the settings form: one URL per line, each ws:// or wss://. */
export function parseSignalingList(text: string): readonly string[] | null {
  const urls = text
    .split(/\s+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (urls.length === 0) return null;
  for (const url of urls) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return null;
    } catch {
      return null;
    }
  }
  return urls;
}
