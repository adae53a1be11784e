import { createLazyTransport } from '../../src/sync/lazy-transport';
import { createMemoryNetwork } from '../../src/sync/memory-transport';
import { describeTransportContract } from './transport-contract';

// The lazy wrapper (used for WebRTC in the app) must keep every guarantee of what it wraps.
describeTransportContract('lazy(memory)', () => {
  const network = createMemoryNetwork();
  return { deviceTransport: () => createLazyTransport('lazy-memory', async () => network.transport) };
});
