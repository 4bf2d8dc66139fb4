import zlib from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { FeedError, toFeedError } from './feed-error';

export interface DecodedFeed {
  text: string;
  /** The encoding the bytes were read as (iconv-lite name), for logs and tests. */
  encoding: string;
}

/**
 * Bytes to text, the way feeds are really served: gzip sniffed by its magic bytes even
 * without Content-Encoding, then the charset from the BOM, the Content-Type, the XML
 * declaration, and finally a guess (UTF-8 when valid, Shift_JIS when the bytes read as
 * Japanese, else windows-1252). A declared charset whose bytes do not fit it (UTF-8 that
 * is not valid UTF-8) is passed over rather than producing U+FFFD.
 */
export function decodeFeedBytes(input: Buffer, contentType: string | undefined, maxBytes: number): DecodedFeed {
  const bytes = gunzipIfCompressed(input, maxBytes);
  const bom = bomEncoding(bytes);
  if (bom) return finish(iconv.decode(bytes.subarray(bom.length), bom.encoding), bom.encoding);

  const family = unicodeFamilyWithoutBom(bytes);
  const prolog = family ? iconv.decode(bytes.subarray(0, 512), family) : bytes.subarray(0, 1024).toString('latin1');
  const declared = [headerCharset(contentType), xmlDeclaredEncoding(prolog)];
  let unsupported: string | undefined;
  for (const label of declared) {
    if (!label) continue;
    const encoding = normaliseLabel(label);
    if (!iconv.encodingExists(encoding)) {
      unsupported ??= label;
      continue;
    }
    const wide = /^utf-?(16|32)/.test(encoding);
    // A UTF-16/32 label read from an 8-bit prolog cannot be right (and vice versa).
    if (wide !== Boolean(family)) continue;
    if (encoding === 'utf8' && !isUtf8(bytes)) continue;
    return encoding === 'utf8' ? finishUtf8(bytes) : finish(iconv.decode(bytes, encoding), encoding);
  }
  if (family) return finish(iconv.decode(bytes, family), family);
  if (isUtf8(bytes)) return finishUtf8(bytes);
  if (unsupported) {
    throw new FeedError('unsupported-encoding', `the feed declares the character set "${unsupported}", which newsdesk cannot decode`);
  }
  const japanese = iconv.decode(bytes, 'shift_jis');
  if (looksJapanese(japanese)) return finish(japanese, 'shift_jis');
  return finish(iconv.decode(bytes, 'win1252'), 'win1252');
}

function gunzipIfCompressed(bytes: Buffer, maxBytes: number): Buffer {
  if (bytes.length < 3 || bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 0x08) return bytes;
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const classified = toFeedError(error);
    if (classified.kind === 'too-large') throw classified;
    throw new FeedError('malformed', 'the feed looks gzip-compressed but could not be decompressed', { cause: error });
  }
}

function bomEncoding(b: Buffer): { encoding: string; length: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf8', length: 3 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return { encoding: 'utf-32le', length: 4 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return undefined;
}

/** UTF-16/32 without a BOM shows itself by where the zero bytes around the first `<` are. */
function unicodeFamilyWithoutBom(b: Buffer): string | undefined {
  if (b.length < 4) return undefined;
  const [a, c, d, e] = [b[0], b[1], b[2], b[3]];
  if (a === 0 && c === 0 && d === 0 && e === 0x3c) return 'utf-32be';
  if (a === 0x3c && c === 0 && d === 0 && e === 0) return 'utf-32le';
  if (a === 0 && c === 0x3c && d === 0 && e !== 0) return 'utf-16be';
  if (a === 0x3c && c === 0 && d !== 0 && e === 0) return 'utf-16le';
  return undefined;
}

function headerCharset(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  return /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1];
}

function xmlDeclaredEncoding(prolog: string): string | undefined {
  const decl = /<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(prolog);
  return decl?.[1];
}

/** Labels as iconv-lite knows them; Latin-1 and ASCII are read as windows-1252, as browsers do. */
function normaliseLabel(label: string): string {
  const l = label.trim().toLowerCase().replace(/_/g, '-');
  if (l === 'utf-8' || l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf8';
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'latin-1' || l === 'us-ascii' || l === 'ascii' || l === 'iso8859-1' || l === 'cp819') return 'win1252';
  if (l === 'gb2312' || l === 'gbk' || l === 'x-gbk' || l === 'cp936') return 'gb18030';
  if (l === 'utf-16') return 'utf-16be';
  if (l === 'utf-32') return 'utf-32be';
  if (l === 'x-sjis' || l === 'sjis' || l === 'ms-kanji' || l === 'windows-31j') return 'shift_jis';
  return l;
}

/** Shift_JIS text decodes without U+FFFD and is full of kana; Latin text read as Shift_JIS is not. */
function looksJapanese(text: string): boolean {
  if (text.includes('\ufffd')) return false;
  let nonAscii = 0;
  let kana = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    nonAscii++;
    if (cp >= 0x3040 && cp <= 0x30ff) kana++;
  }
  return nonAscii > 0 && kana / nonAscii >= 0.15;
}

const HAS_C1 = /[\u0080-\u009f]/;
const C1_AS_WINDOWS_1252 = /[\u0080-\u009f]/g;

/**
 * Valid UTF-8 bytes as text. C1 control characters are written C2 80 to C2 9F in UTF-8, so
 * bytes without a C2 cannot hold one and the text is not searched for them.
 */
function finishUtf8(bytes: Buffer): DecodedFeed {
  return finish(bytes.toString('utf8'), 'utf8', bytes.includes(0xc2));
}

/**
 * Drops a leading BOM and turns C1 control characters into the windows-1252 characters a
 * publisher meant (smart quotes stored as U+0092 by a cp1252-minded CMS).
 */
function finish(text: string, encoding: string, mayHaveC1 = true): DecodedFeed {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fixed = mayHaveC1 && HAS_C1.test(clean)
    ? clean.replace(C1_AS_WINDOWS_1252, (c) => {
        const mapped = iconv.decode(Buffer.from([c.charCodeAt(0)]), 'win1252');
        return mapped === '\ufffd' || mapped === c ? '' : mapped;
      })
    : clean;
  return { text: fixed, encoding };
}
