/**
 * A minimal front-matter reader for article files: `---`, then `key: value` lines, then `---`.
 * Values are plain strings (surrounding quotes removed); nested YAML is not supported.
 */
export interface FrontMatter {
  fields: Record<string, string>;
  body: string;
}

export function parseFrontMatter(text: string): FrontMatter {
  const src = text.replace(/^\ufeff/, '');
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(src);
  if (!m) return { fields: {}, body: src };
  const fields: Record<string, string> = {};
  for (const line of (m[1] ?? '').split(/\r?\n/)) {
    const kv = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line.trim());
    if (!kv || !kv[1]) continue;
    let value = (kv[2] ?? '').trim();
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    fields[kv[1].toLowerCase()] = value;
  }
  return { fields, body: src.slice(m[0].length) };
}
