import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import type { FeedFetcher, FeedRequest, FeedResponse } from './feed-fetcher';
import { FeedError, toFeedError } from './feed-error';
import { resolvePublicAddresses, type AddressPolicy, type ResolvedAddress } from './address-policy';
import { FEED_USER_AGENT } from './user-agent';

export interface HttpFeedFetcherOptions {
  /** Whole fetch, redirects and body included; the socket is destroyed when it passes. */
  timeoutMs: number;
  /** Largest body accepted, counted after decompression while it streams in. */
  maxBytes: number;
  /** Lets chat-added feeds reach private addresses (tests, on-premise feeds). */
  allowPrivateNetworks: boolean;
  maxRedirects?: number;
  userAgent?: string;
  /** Which resolved addresses guarded fetches refuse (default: loopback, private, link-local, metadata...). */
  addressPolicy?: AddressPolicy;
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/**
 * Fetches feeds with Node's http/https: manual redirects (each hop checked), conditional
 * GET, a streaming size cap, a timeout that aborts the connection, and for guarded feeds a
 * connection pinned to the addresses that were checked (no DNS rebinding in between).
 */
export class HttpFeedFetcher implements FeedFetcher {
  private readonly maxRedirects: number;
  private readonly userAgent: string;
  // Guarded and trusted requests never share a kept-alive socket.
  private readonly agents = {
    trusted: { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) },
    guarded: { http: new http.Agent({ keepAlive: true, maxSockets: 16 }), https: new https.Agent({ keepAlive: true, maxSockets: 16 }) },
  };

  constructor(private readonly options: HttpFeedFetcherOptions) {
    this.maxRedirects = options.maxRedirects ?? 5;
    this.userAgent = options.userAgent ?? FEED_USER_AGENT;
  }

  async fetch(request: FeedRequest): Promise<FeedResponse> {
    const guarded = request.publicOnly && !this.options.allowPrivateNetworks;
    // Only a guarded fetch waits on DNS before its request; the request itself is ended by
    // destroying it when the time is up (what an AbortSignal on it would do, without the
    // signal's listeners on every request of a large poll).
    const controller = guarded ? new AbortController() : undefined;
    let timedOut = false;
    let current: http.ClientRequest | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      controller?.abort();
      current?.destroy(new Error('aborted'));
    }, this.options.timeoutMs);
    try {
      let url = parseFeedUrl(request.url);
      for (let hop = 0; ; hop++) {
        const addresses = controller ? await abortable(resolvePublicAddresses(url.hostname, this.options.addressPolicy), controller.signal) : undefined;
        if (timedOut) throw new Error('aborted');
        current = this.get(url, request, addresses);
        const res = await responseOf(current);
        const status = res.statusCode ?? 0;
        if (status === 304) {
          res.resume();
          return { status: 'not-modified', finalUrl: url.toString() };
        }
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          if (hop >= this.maxRedirects) throw new FeedError('http-status', `the feed redirected more than ${this.maxRedirects} times`, { httpStatus: status });
          url = parseFeedUrl(new URL(res.headers.location, url).toString());
          continue;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          throw new FeedError('http-status', `the feed's server answered HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, { httpStatus: status });
        }
        const body = await this.readBody(res);
        const header = (name: string) => {
          const v = res.headers[name];
          return typeof v === 'string' && v ? v : undefined;
        };
        const contentType = header('content-type');
        const etag = header('etag');
        const lastModified = header('last-modified');
        return {
          status: 'ok',
          body,
          finalUrl: url.toString(),
          ...(contentType ? { contentType } : {}),
          ...(etag ? { etag } : {}),
          ...(lastModified ? { lastModified } : {}),
        };
      }
    } catch (error) {
      if (timedOut) throw new FeedError('timeout', `the feed did not answer within ${Math.round(this.options.timeoutMs / 100) / 10} s`, { cause: error });
      throw toFeedError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes kept-alive sockets (tests, shutdown). */
  close(): void {
    for (const group of Object.values(this.agents)) {
      group.http.destroy();
      group.https.destroy();
    }
  }

  private get(url: URL, request: FeedRequest, addresses: ResolvedAddress[] | undefined): http.ClientRequest {
    const https_ = url.protocol === 'https:';
    const group = addresses ? this.agents.guarded : this.agents.trusted;
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
      ...(request.etag ? { 'if-none-match': request.etag } : {}),
      ...(request.lastModified ? { 'if-modified-since': request.lastModified } : {}),
    };
    const options: http.RequestOptions = {
      method: 'GET',
      headers,
      agent: https_ ? group.https : group.http,
      ...(addresses ? { lookup: pinnedLookup(addresses) } : {}),
    };
    const req = (https_ ? https : http).request(url, options);
    req.end();
    return req;
  }

  /**
   * The whole body, decompressed, refused once it passes the cap. Read through 'data'
   * events rather than an async iterator: no promise per chunk for hundreds of bodies a round.
   */
  private readBody(res: http.IncomingMessage): Promise<Buffer> {
    const max = this.options.maxBytes;
    const tooLarge = () => new FeedError('too-large', `the feed is larger than ${formatBytes(max)} (FEED_MAX_BYTES)`);
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      res.destroy();
      return Promise.reject(tooLarge());
    }
    const decoder = decompressorFor(String(res.headers['content-encoding'] ?? ''));
    let source: Readable = res;
    if (decoder) {
      res.on('error', (e) => decoder.destroy(e));
      source = res.pipe(decoder);
    }
    return new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const settle = (error: unknown) => {
        if (settled) return;
        settled = true;
        // A body not read to its end leaves nothing behind on the connection.
        if (error !== undefined || !res.complete) {
          res.destroy();
          decoder?.destroy();
        }
        if (error !== undefined) reject(error);
        else resolve(Buffer.concat(chunks, size));
      };
      source.on('data', (chunk: Buffer) => {
        if (settled) return;
        size += chunk.length;
        if (size > max) settle(tooLarge());
        else chunks.push(chunk);
      });
      source.on('end', () => settle(undefined));
      source.on('error', (error) => settle(error));
      // Closed before its end without an error: as a stream iterator would report it.
      source.on('close', () => settle(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })));
    });
  }
}

/** The response to a request that has been sent; rejects with the request's error (a destroyed one included). */
function responseOf(req: http.ClientRequest): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
}

function decompressorFor(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  const e = encoding.trim().toLowerCase();
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  if (e === 'deflate') return zlib.createInflate();
  if (e === 'br') return zlib.createBrotliDecompress();
  return undefined;
}

/** Only http and https URLs are fetched: no file:, ftp:, data: or gopher:. */
export function parseFeedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FeedError('blocked-address', `"${raw}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedError('blocked-address', `only http and https feeds can be fetched (got ${url.protocol.replace(/:$/, '')})`);
  }
  return url;
}

/** A lookup that answers only the addresses already checked, so DNS cannot change in between. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  const lookup = (_host: string, options: unknown, callback: (...args: unknown[]) => void) => {
    const opts = (typeof options === 'object' && options ? options : {}) as { family?: number; all?: boolean };
    const fitting = addresses.filter((a) => !opts.family || a.family === opts.family);
    const list = fitting.length > 0 ? fitting : addresses;
    if (opts.all) callback(null, list.map((a) => ({ address: a.address, family: a.family })));
    else callback(null, list[0]!.address, list[0]!.family);
  };
  // Node's LookupFunction type has several overloads; this one function serves them all.
  return lookup as unknown as LookupFunction;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
