import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { BlockList, isIP } from 'node:net';

/** Where a proxy's header is believed from when nothing else is said: this machine only. */
export const LOOPBACK = ['127.0.0.0/8', '::1'];

/** The address of a request made in this process (`app.request()`), which has no socket. */
export const IN_PROCESS = 'local';

/** The address a request came from; `IN_PROCESS` for one made in this process. */
export function addressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return IN_PROCESS; // no socket: an in-process request
  }
}

/**
 * Whether an address is one of `entries`: addresses and ranges (`10.0.0.0/8`, `fd00::/8`). An IPv4
 * address a dual-stack socket reports as IPv6 (`::ffff:10.0.0.5`) counts as itself. Throws on an
 * entry that is neither an address nor a range.
 */
export function addressesOf(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max))) {
      throw new Error(`"${entry}" is neither an address nor a range (such as 10.0.0.5 or 10.0.0.0/8)`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (address) => {
    const family = isIP(address);
    // BlockList matches an IPv4-mapped IPv6 address against IPv4 ranges by itself.
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/** Whether an address is this machine's (loopback). */
export const onThisMachine = addressesOf(LOOPBACK);

/**
 * The person a request's proxy header names, when the header is set and came from a trusted
 * proxy (or from this process); `untrusted` holds the address it came from otherwise.
 */
export function proxyClaim(
  c: Context,
  header: string | undefined,
  trusted: (address: string) => boolean,
): { claimed?: string; untrusted?: string } {
  const claimed = header ? c.req.header(header)?.trim() : undefined;
  if (!claimed) return {};
  const from = addressOf(c);
  return from === IN_PROCESS || trusted(from) ? { claimed } : { untrusted: from };
}
