import { NewsdeskError } from '../errors';

/**
 * Why a feed could not be read. Every failure of fetching, decoding or parsing a feed is
 * one of these, so `feeds list`, `poll --json` and the backoff logic can say what happened
 * without showing internals.
 */
export type FeedErrorKind =
  | 'not-a-feed'
  | 'malformed'
  | 'too-large'
  | 'timeout'
  | 'http-status'
  | 'unsupported-encoding'
  | 'blocked-address'
  /** DNS failure, refused or reset connection, TLS error: the server could not be reached. */
  | 'network';

export class FeedError extends NewsdeskError {
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    options?: { cause?: unknown; httpStatus?: number },
  ) {
    super(`feed-${kind}`, message, options);
    this.httpStatus = options?.httpStatus;
  }

  /** The HTTP status for `http-status` errors. */
  readonly httpStatus: number | undefined;
}

/** Turns anything thrown while reading a feed into a classified `FeedError`. */
export function toFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = (error as Error | undefined)?.message ?? String(error);
  if (code === 'ERR_BUFFER_TOO_LARGE') return new FeedError('too-large', 'the feed is larger than the size limit once decompressed', { cause: error });
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'ERR__ERROR_FORMAT_PADDING_1') {
    return new FeedError('malformed', `the feed's compressed data is corrupt (${message})`, { cause: error });
  }
  if (code && /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE|ETIMEDOUT|ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_SSL|HPE_)/.test(code)) {
    return new FeedError('network', describeNetworkError(code, message), { cause: error });
  }
  return new FeedError('network', `the feed could not be fetched: ${message}`, { cause: error });
}

function describeNetworkError(code: string, message: string): string {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the feed\'s host name could not be resolved (no DNS or no internet connection)';
  if (code === 'ECONNREFUSED') return 'the feed\'s server refused the connection';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the feed\'s server closed the connection';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'the feed\'s server is unreachable from here';
  if (code.startsWith('HPE_')) return 'the feed\'s server sent an invalid HTTP response';
  return `the feed could not be fetched (${code}: ${message})`;
}
