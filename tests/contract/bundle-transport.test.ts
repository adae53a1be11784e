import { createBundleNetwork } from '../../src/sync/bundle/bundle-transport';
import { describeTransportContract } from './transport-contract';

// File bundles handed between members must keep every guarantee of a live transport.
describeTransportContract('file bundle', () => {
  const failures: unknown[] = [];
  const network = createBundleNetwork({ onError: (error) => failures.push(error) });
  return {
    deviceTransport: () => network.transport,
    dispose: async () => {
      await network.settled();
      if (failures.length > 0) throw new Error(`bundle rounds failed: ${failures.map(String).join('; ')}`);
    },
  };
});
