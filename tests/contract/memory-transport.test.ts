import { createMemoryNetwork } from '../../src/sync/memory-transport';
import { describeTransportContract } from './transport-contract';

describeTransportContract('memory', () => {
  const network = createMemoryNetwork();
  return { deviceTransport: () => network.transport };
});
