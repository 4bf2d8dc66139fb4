/** One conditional GET of a feed. */
export interface FeedRequest {
  url: string;
  /** Validators from the last successful fetch; a 304 answer means nothing changed. */
  etag?: string;
  lastModified?: string;
  /**
   * True for feeds added by a chat user: every hop must resolve to a public address
   * (unless the operator allowed private networks).
   */
  publicOnly: boolean;
}

export type FeedResponse =
  | { status: 'not-modified'; finalUrl: string }
  | {
      status: 'ok';
      /** The body, already decompressed per Content-Encoding, at most the size limit. */
      body: Buffer;
      contentType?: string;
      etag?: string;
      lastModified?: string;
      /** The URL after redirects: relative links resolve against it. */
      finalUrl: string;
    };

/**
 * The port through which feeds are downloaded. Rejects with a `FeedError` (timeout,
 * too-large, http-status, blocked-address, network) and never hangs past its timeout.
 */
export interface FeedFetcher {
  fetch(request: FeedRequest): Promise<FeedResponse>;
}
