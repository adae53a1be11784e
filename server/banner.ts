import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';

type Interfaces = NodeJS.Dict<readonly NetworkInterfaceInfo[]>;

const wildcardHosts: ReadonlySet<string> = new Set(['', '0.0.0.0', '::', '[::]']);

export const isWildcardHost = (host: string): boolean => wildcardHosts.has(host);

/** The host name people should type: a wildcard bind is reachable as localhost. */
export const displayHost = (host: string): string => {
  if (isWildcardHost(host)) return 'localhost';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
};

/** Addresses other devices on the LAN can use to reach this machine. */
export const lanAddresses = (interfaces: Interfaces = networkInterfaces()): readonly string[] =>
  Object.values(interfaces)
    .flatMap((infos) => infos ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);

export const startupBanner = (
  host: string,
  port: number,
  interfaces: Interfaces = networkInterfaces(),
): readonly string[] => {
  const shown = displayHost(host);
  const lan = isWildcardHost(host) ? lanAddresses(interfaces) : [];
  return [
    'Chapterhouse is running:',
    `  App:     http://${shown}:${port}/`,
    ...lan.map((address) => `           http://${address}:${port}/`),
    `  Relay:   ws://${shown}:${port}/signal`,
  ];
};
