import { createPairingNetwork } from '../../src/sync/pairing/pairing-network';
import { describeTransportContract } from './transport-contract';

// Serverless pairing (tokens + y-protocols over a channel) keeps every guarantee of a room transport.
describeTransportContract('direct pairing', () => createPairingNetwork());
