import net from 'node:net';
import dns from 'node:dns';
import { FeedError } from './feed-error';

/**
 * Which addresses a feed fetched on a chat user's behalf may reach. A feed URL is a request
 * our server makes for someone else, so it must not reach the machine itself, the private
 * network, or a cloud metadata service.
 */
const BLOCKED_V4: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'a private network'],
  ['100.64.0.0', 10, 'a carrier-grade NAT network'],
  ['127.0.0.0', 8, 'this machine (loopback)'],
  ['169.254.0.0', 16, 'a link-local or cloud metadata address'],
  ['172.16.0.0', 12, 'a private network'],
  ['192.0.0.0', 24, 'a reserved network'],
  ['192.168.0.0', 16, 'a private network'],
  ['198.18.0.0', 15, 'a benchmarking network'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved address'],
];

const BLOCKED_V6: Array<[string, number, string]> = [
  ['::', 128, 'an unspecified address'],
  ['::1', 128, 'this machine (loopback)'],
  ['fc00::', 7, 'a unique-local (private) IPv6 network'],
  ['fe80::', 10, 'a link-local IPv6 address'],
  ['ff00::', 8, 'a multicast address'],
  ['64:ff9b::', 96, 'a NAT64 address'],
  ['fd00:ec2::254', 128, 'a cloud metadata address'],
];

const blockList = new net.BlockList();
const reasons: Array<{ list: net.BlockList; why: string }> = [];
for (const [addr, prefix, why] of BLOCKED_V4) {
  const one = new net.BlockList();
  one.addSubnet(addr, prefix, 'ipv4');
  blockList.addSubnet(addr, prefix, 'ipv4');
  reasons.push({ list: one, why });
}
for (const [addr, prefix, why] of BLOCKED_V6) {
  const one = new net.BlockList();
  one.addSubnet(addr, prefix, 'ipv6');
  blockList.addSubnet(addr, prefix, 'ipv6');
  reasons.push({ list: one, why });
}

/** Why `ip` may not be fetched on a user's behalf, or undefined when it is a public address. */
export function blockedReason(ip: string): string | undefined {
  const family = net.isIPv4(ip) ? 'ipv4' : net.isIPv6(ip) ? 'ipv6' : undefined;
  if (!family) return 'not an IP address';
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is checked as the IPv4 address it maps to.
  const mapped = family === 'ipv6' ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1] : undefined;
  if (mapped) return blockedReason(mapped);
  if (!blockList.check(ip, family)) return undefined;
  return reasons.find((r) => r.list.check(ip, family))?.why ?? 'a non-public address';
}

/** Why an address may not be fetched on a user's behalf; undefined when it may. */
export type AddressPolicy = (ip: string) => string | undefined;

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves `host` and checks every address it has. Throws `blocked-address` naming the
 * address when any is not public (a host with one public and one private address could
 * otherwise be steered to the private one).
 */
export async function resolvePublicAddresses(host: string, policy: AddressPolicy = blockedReason): Promise<ResolvedAddress[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  const literal = net.isIP(bare);
  const addresses: ResolvedAddress[] = literal
    ? [{ address: bare, family: literal === 6 ? 6 : 4 }]
    : (await dns.promises.lookup(bare, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  for (const a of addresses) {
    const why = policy(a.address);
    if (why) {
      throw new FeedError(
        'blocked-address',
        `refused to fetch ${host}: it resolves to ${a.address}, ${why}. Feeds added from chat must be on the public internet (an operator can allow private networks with FEEDS_ALLOW_PRIVATE_NETWORKS=true).`,
      );
    }
  }
  if (addresses.length === 0) throw new FeedError('network', `the feed's host name ${host} has no addresses`);
  return addresses;
}
