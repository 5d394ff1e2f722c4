import ipaddr from 'ipaddr.js';
import { LookupAddress, promises as dns } from 'node:dns';
import type { LookupFunction } from 'node:net';

export interface UrlPolicy {
  production: boolean;
  allowLocalhost: boolean;
}

export class UnsafeWebhookUrlError extends Error {}

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host);
}

/** Why the address may not be called, or null when it is a public unicast address. */
export function refusedAddressReason(address: string, policy: UrlPolicy, hostname: string): string | null {
  if (!ipaddr.isValid(address)) {
    return `${address} is not an IP address`;
  }
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  if (range === 'unicast') {
    return null;
  }
  if (range === 'loopback' && policy.allowLocalhost && LOCAL_NAMES.has(hostname.toLowerCase())) {
    return null;
  }
  return `${hostname} resolves to ${address}, a ${range} address`;
}

/** Checks the URL's form: http(s), no credentials, https in production, http only for localhost when allowed. */
export function checkUrlForm(raw: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeWebhookUrlError('url must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UnsafeWebhookUrlError('url must use https');
  }
  if (url.username || url.password) {
    throw new UnsafeWebhookUrlError('url must not contain credentials');
  }
  if (url.protocol === 'http:') {
    if (policy.production) {
      throw new UnsafeWebhookUrlError('url must use https in production');
    }
    if (!(policy.allowLocalhost && LOCAL_NAMES.has(url.hostname.toLowerCase()))) {
      throw new UnsafeWebhookUrlError('url must use https (http only for localhost with WEBHOOK_ALLOW_LOCALHOST=true)');
    }
  }
  return url;
}

function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** Resolves the URL's host and refuses it when any address is not public (see refusedAddressReason). */
export async function assertSafeWebhookUrl(raw: string, policy: UrlPolicy): Promise<URL> {
  const url = checkUrlForm(raw, policy);
  const host = bareHost(url);
  let addresses: LookupAddress[];
  try {
    addresses = ipaddr.isValid(host)
      ? [{ address: host, family: host.includes(':') ? 6 : 4 }]
      : await dns.lookup(host, { all: true });
  } catch {
    throw new UnsafeWebhookUrlError(`url host ${host} does not resolve`);
  }
  for (const { address } of addresses) {
    const reason = refusedAddressReason(address, policy, url.hostname);
    if (reason) {
      throw new UnsafeWebhookUrlError(`url refused: ${reason}`);
    }
  }
  return url;
}

/**
 * A `lookup` for http(s).request that resolves the host and refuses private results, so the
 * connection goes to the address that was checked (no DNS rebinding between check and connect).
 */
export function pinnedLookup(policy: UrlPolicy, hostname: string): LookupFunction {
  return (host, options, callback) => {
    dns
      .lookup(host, { all: true, family: options.family })
      .then((addresses) => {
        for (const { address } of addresses) {
          const reason = refusedAddressReason(address, policy, hostname);
          if (reason) {
            throw new UnsafeWebhookUrlError(`refused: ${reason}`);
          }
        }
        const first = addresses[0];
        if (!first) {
          throw new UnsafeWebhookUrlError(`${host} does not resolve`);
        }
        if (options.all) {
          (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        } else {
          callback(null, first.address, first.family);
        }
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, '', 0));
  };
}
