import { assertSafeWebhookUrl, checkUrlForm, pinnedLookup, refusedAddressReason } from './webhook-url.guard';

const dev = { production: false, allowLocalhost: false };
const local = { production: false, allowLocalhost: true };
const prod = { production: true, allowLocalhost: false };

describe('webhook URL guard', () => {
  it.each([
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
  ])('refuses %s', (address) => {
    expect(refusedAddressReason(address, dev, 'example.com')).not.toBeNull();
  });

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])('allows %s', (address) => {
    expect(refusedAddressReason(address, dev, 'example.com')).toBeNull();
  });

  it('allows loopback only for localhost names with the flag, never other private ranges', () => {
    expect(refusedAddressReason('127.0.0.1', local, 'localhost')).toBeNull();
    expect(refusedAddressReason('::1', local, '[::1]')).toBeNull();
    expect(refusedAddressReason('127.0.0.1', local, 'rebind.example.com')).not.toBeNull();
    expect(refusedAddressReason('10.0.0.1', local, 'localhost')).not.toBeNull();
    expect(refusedAddressReason('127.0.0.1', dev, 'localhost')).not.toBeNull();
  });

  it('needs https in production, and http only for localhost with the flag elsewhere', () => {
    expect(() => checkUrlForm('http://localhost:8080/h', prod)).toThrow('https in production');
    expect(() => checkUrlForm('http://example.com/h', dev)).toThrow('https');
    expect(checkUrlForm('http://localhost:8080/h', local).hostname).toBe('localhost');
    expect(() => checkUrlForm('https://a:b@example.com/h', dev)).toThrow('credentials');
    expect(() => checkUrlForm('not a url', dev)).toThrow('absolute');
  });

  it('resolves host names and refuses private results', async () => {
    await expect(assertSafeWebhookUrl('https://localhost/h', dev)).rejects.toThrow('loopback');
    await expect(assertSafeWebhookUrl('https://[::ffff:7f00:1]/h', dev)).rejects.toThrow('loopback');
    await expect(assertSafeWebhookUrl('http://127.0.0.1:1/h', local)).resolves.toBeInstanceOf(URL);
  });
});

describe('pinnedLookup', () => {
  const lookup = (policy: typeof dev, host: string, all: boolean) =>
    new Promise<unknown>((resolve, reject) =>
      pinnedLookup(policy, host)(host, { all }, (error, address) => (error ? reject(error) : resolve(address))),
    );

  it('refuses a name resolving to a private address at connect time', async () => {
    await expect(lookup(dev, 'localhost', false)).rejects.toThrow('loopback');
    await expect(lookup(dev, 'localhost', true)).rejects.toThrow('loopback');
  });

  it('hands on the checked addresses when they are allowed', async () => {
    await expect(lookup(local, 'localhost', true)).resolves.toEqual(
      expect.arrayContaining([expect.objectContaining({ address: expect.any(String) })]),
    );
    await expect(lookup(local, 'localhost', false)).resolves.toEqual(expect.any(String));
  });
});
