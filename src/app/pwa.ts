import { useRegisterSW } from 'virtual:pwa-register/solid';

/**
 * The service worker waits with a new version until the user taps "Update", so nobody
 * is reloaded in the middle of a meeting.
 */
export function createPwaUpdate() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  return {
    needRefresh,
    offlineReady,
    dismiss: () => {
      setNeedRefresh(false);
      setOfflineReady(false);
    },
    update: () => updateServiceWorker(true),
  };
}
