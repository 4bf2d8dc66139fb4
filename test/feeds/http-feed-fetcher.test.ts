import zlib from 'node:zlib';
import { FakeFeedServer } from '../support/fake-feed-server';
import { HttpFeedFetcher, type HttpFeedFetcherOptions } from '../../src/feeds/http-feed-fetcher';
import { FeedError } from '../../src/feeds/feed-error';
import { blockedReason } from '../../src/feeds/address-policy';
import type { FeedRequest } from '../../src/feeds/feed-fetcher';

const RSS = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><item><title>One</title></item></channel></rss>';

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected the fetch to fail');
}

describe('HttpFeedFetcher', () => {
  let server: FakeFeedServer;
  const fetchers: HttpFeedFetcher[] = [];
  const make = (options: Partial<HttpFeedFetcherOptions> = {}) => {
    const f = new HttpFeedFetcher({ timeoutMs: 2000, maxBytes: 5 * 1024 * 1024, allowPrivateNetworks: true, ...options });
    fetchers.push(f);
    return f;
  };
  const get = (fetcher: HttpFeedFetcher, path: string, extra: Partial<FeedRequest> = {}) => fetcher.fetch({ url: server.url(path), publicOnly: false, ...extra });

  beforeEach(async () => {
    server = await new FakeFeedServer().start();
  });
  afterEach(async () => {
    for (const f of fetchers.splice(0)) f.close();
    await server.close();
  });

  test('names newsdesk in the User-Agent and asks for compressed feeds', async () => {
    server.route('/feed', { body: RSS });
    await get(make(), '/feed');
    const headers = server.hits('/feed')[0]!.headers;
    expect(headers['user-agent']).toMatch(/^newsdesk\/\d+\.\d+\.\d+ \(.*RSS/);
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  test('conditional GET: sends the validators back, and a 304 is success with nothing new', async () => {
    server.route('/feed', (req) =>
      req.headers['if-none-match'] === '"v1"' && req.headers['if-modified-since'] === 'Wed, 20 May 2026 08:00:00 GMT'
        ? { status: 304 }
        : { body: RSS, headers: { etag: '"v1"', 'last-modified': 'Wed, 20 May 2026 08:00:00 GMT' } },
    );
    const fetcher = make();
    const first = await get(fetcher, '/feed');
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"', lastModified: 'Wed, 20 May 2026 08:00:00 GMT' });
    const second = await get(fetcher, '/feed', { etag: '"v1"', lastModified: 'Wed, 20 May 2026 08:00:00 GMT' });
    expect(second.status).toBe('not-modified');
  });

  test.each([
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const)('decompresses Content-Encoding %s', async (encoding, compress) => {
    server.route('/feed', { body: compress(Buffer.from(RSS)), headers: { 'content-encoding': encoding } });
    const result = await get(make(), '/feed');
    expect(result.status === 'ok' && result.body.toString('utf8')).toBe(RSS);
  });

  test('follows up to 5 redirects, and refuses the 6th', async () => {
    for (let i = 0; i < 6; i++) server.route(`/r${i}`, { status: 301, headers: { location: `/r${i + 1}` } });
    server.route('/r6', { body: RSS });
    const fetcher = make();
    const ok = await fetcher.fetch({ url: server.url('/r1'), publicOnly: false });
    expect(ok).toMatchObject({ status: 'ok', finalUrl: server.url('/r6') });
    const tooMany = await failure(fetcher.fetch({ url: server.url('/r0'), publicOnly: false }));
    expect(tooMany.kind).toBe('http-status');
    expect(tooMany.message).toMatch(/redirected more than 5 times/);
  });

  test('a redirect to file:// is refused without reading anything', async () => {
    server.route('/feed', { status: 302, headers: { location: 'file:///etc/passwd' } });
    const error = await failure(get(make(), '/feed'));
    expect(error.kind).toBe('blocked-address');
  });

  test('HTTP errors are classified with their status', async () => {
    server.route('/gone', { status: 410, body: 'gone' });
    const error = await failure(get(make(), '/gone'));
    expect(error.kind).toBe('http-status');
    expect(error.httpStatus).toBe(410);
    expect((await failure(get(make(), '/missing'))).httpStatus).toBe(404);
  });

  test('a server that never answers times out and the connection is closed', async () => {
    let closed = false;
    server.route('/slow', { stream: (res) => res.on('close', () => (closed = true)) });
    const error = await failure(get(make({ timeoutMs: 300 }), '/slow'));
    expect(error.kind).toBe('timeout');
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
  });

  test('a body that trickles in past the timeout is cut off', async () => {
    server.route('/trickle', {
      stream: (res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.write('<rss version="2.0"><channel>');
        const timer = setInterval(() => res.write('<!-- still here -->'), 50);
        res.on('close', () => clearInterval(timer));
      },
    });
    expect((await failure(get(make({ timeoutMs: 400 }), '/trickle'))).kind).toBe('timeout');
  });

  test('a 50 MB feed is refused once the size cap is passed, without reading the rest', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    server.route('/huge', {
      stream: (res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        const pump = () => {
          while (sent < 50 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => undefined);
        pump();
      },
    });
    const error = await failure(get(make(), '/huge'));
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/larger than 5 MB/);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });

  test('a declared Content-Length over the cap is refused before the body is read', async () => {
    server.route('/big', { stream: (res) => res.writeHead(200, { 'content-length': String(6 * 1024 * 1024) }).write('<rss') });
    expect((await failure(get(make(), '/big'))).kind).toBe('too-large');
  });

  test('a gzip bomb is refused by the cap on decompressed bytes', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024));
    server.route('/bomb', { body: bomb, headers: { 'content-encoding': 'gzip' } });
    expect((await failure(get(make(), '/bomb'))).kind).toBe('too-large');
  });

  describe('feeds added from chat (guarded)', () => {
    test('loopback is refused before any request is made', async () => {
      server.route('/feed', { body: RSS });
      const fetcher = make({ allowPrivateNetworks: false });
      const error = await failure(fetcher.fetch({ url: server.url('/feed'), publicOnly: true }));
      expect(error.kind).toBe('blocked-address');
      expect(error.message).toMatch(/127\.0\.0\.1, this machine \(loopback\)/);
      const byName = await failure(fetcher.fetch({ url: server.url('/feed').replace('127.0.0.1', 'localhost'), publicOnly: true }));
      expect(byName.kind).toBe('blocked-address');
      expect(server.hits('/feed')).toHaveLength(0);
    });

    test('every redirect hop is checked again', async () => {
      // Treat 127.0.0.1 as public for this test; 127.0.0.2 stands for an internal address.
      const policy = (ip: string) => (ip === '127.0.0.1' ? undefined : blockedReason(ip));
      const fetcher = make({ allowPrivateNetworks: false, addressPolicy: policy });
      server.route('/feed', { body: RSS });
      server.route('/hop', { status: 302, headers: { location: server.url('/feed').replace('127.0.0.1', '127.0.0.2') } });
      expect((await fetcher.fetch({ url: server.url('/feed'), publicOnly: true })).status).toBe('ok');
      const error = await failure(fetcher.fetch({ url: server.url('/hop'), publicOnly: true }));
      expect(error.kind).toBe('blocked-address');
      expect(server.hits('/feed')).toHaveLength(1);
    });

    test('a host name connects to the address that was checked', async () => {
      const fetcher = make({ allowPrivateNetworks: false, addressPolicy: (ip) => (ip === '127.0.0.1' ? undefined : 'not allowed here') });
      server.route('/feed', { body: RSS });
      const result = await fetcher.fetch({ url: server.url('/feed').replace('127.0.0.1', 'localhost'), publicOnly: true }).catch((e: FeedError) => e);
      // localhost may also resolve to ::1, which this policy refuses: either way no unchecked address is used.
      if (result instanceof FeedError) expect(result.kind).toBe('blocked-address');
      else expect(result.status).toBe('ok');
    });

    test('FEEDS_ALLOW_PRIVATE_NETWORKS lifts the restriction', async () => {
      server.route('/feed', { body: RSS });
      const result = await make({ allowPrivateNetworks: true }).fetch({ url: server.url('/feed'), publicOnly: true });
      expect(result.status).toBe('ok');
    });
  });
});

describe('blockedReason', () => {
  test.each([
    ['127.0.0.1', /loopback/],
    ['10.1.2.3', /private/],
    ['172.16.5.4', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /metadata/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['0.0.0.0', /this network/],
    ['::1', /loopback/],
    ['fd12:3456::1', /unique-local/],
    ['fe80::1', /link-local/],
    ['::ffff:127.0.0.1', /loopback/],
    ['fd00:ec2::254', /unique-local|metadata/],
  ])('%s is refused', (ip, why) => {
    expect(blockedReason(ip)).toMatch(why);
  });

  test.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('%s is public', (ip) => {
    expect(blockedReason(ip)).toBeUndefined();
  });
});
