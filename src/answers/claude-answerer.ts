import Anthropic from '@anthropic-ai/sdk';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { Citation } from '../reply/reply';
import type { Answer } from './answer';
import type { IndexedPassage } from './passage-index';

/** Writes an answer from retrieved passages; resolves to undefined when it cannot (caller falls back). */
export interface AnswerWriter {
  write(question: string, evidence: IndexedPassage[]): Promise<Answer | undefined>;
}

const NO_ANSWER = 'NO_ANSWER';

const SYSTEM = [
  'You answer questions about a news story for a team chat, using ONLY the numbered sources given.',
  'Write one to three plain sentences (no Markdown). After each claim put the number of the source it comes from, like [1] or [2][3].',
  'When several sources agree, you may say how many; when they disagree, give both versions with their numbers.',
  `If the sources do not clearly answer the question, reply with exactly ${NO_ANSWER} and nothing else. Never use outside knowledge and never guess.`,
].join(' ');

/**
 * Claude as an optional answer writer. It only sees the passages retrieval found, must cite
 * them, and may refuse. Any failure (timeout, 429, 5xx, a reply without valid citations)
 * yields undefined so the offline answer is used.
 */
export class ClaudeAnswerer implements AnswerWriter {
  private readonly client: Anthropic;

  constructor(
    private readonly settings: NonNullable<Config['anthropic']>,
    private readonly logger: Logger,
  ) {
    const sdkLogger = logger.child({ component: 'anthropic-sdk' });
    const log = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string) => sdkLogger[level](message);
    this.client = new Anthropic({
      apiKey: settings.apiKey,
      baseURL: settings.baseUrl ?? 'https://api.anthropic.com',
      timeout: settings.timeoutMs,
      // No retries: a chat user is waiting and the offline answer is already there.
      maxRetries: 0,
      // The SDK would print to the console; its notices go to our log instead.
      logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    });
  }

  async write(question: string, evidence: IndexedPassage[]): Promise<Answer | undefined> {
    const sources = numberSources(evidence);
    if (sources.length === 0) return undefined;
    const listing = sources.map((s) => `[${s.citation.n}] ${s.citation.outlet} - ${s.citation.title}\n${s.texts.join(' ')}`).join('\n\n');
    let text: string;
    try {
      const response = await this.client.messages.create({
        model: this.settings.model,
        max_tokens: 400,
        system: SYSTEM,
        messages: [{ role: 'user', content: `Sources:\n\n${listing}\n\nQuestion: ${question}` }],
      });
      text = response.content
        .map((block) => (block.type === 'text' ? block.text : ''))
        .join('')
        .trim();
    } catch (error) {
      this.logger.warn({ err: describe(error) }, 'language model unavailable; using the offline answer');
      return undefined;
    }
    if (text === NO_ANSWER || text.startsWith(NO_ANSWER)) {
      return { question, text: null, citations: [], confidence: 0.3, refusal: 'weak-evidence', evidence, by: 'llm' };
    }
    const cited = new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    const known = new Set(sources.map((s) => s.citation.n));
    if (!text || text.length > 1500 || cited.size === 0 || [...cited].some((n) => !known.has(n))) {
      this.logger.warn({ length: text.length, cited: [...cited] }, 'language model answer had no valid citations; using the offline answer');
      return undefined;
    }
    return {
      question,
      text,
      citations: sources.map((s) => s.citation).filter((c) => cited.has(c.n)),
      confidence: 0.8,
      evidence,
      by: 'llm',
    };
  }
}

/** One number per article, in the order of the evidence. */
function numberSources(evidence: IndexedPassage[]): Array<{ citation: Citation; texts: string[] }> {
  const out: Array<{ citation: Citation; texts: string[]; articleId: string }> = [];
  for (const p of evidence) {
    const existing = out.find((s) => s.articleId === p.article.id);
    if (existing) {
      existing.texts.push(p.text);
      continue;
    }
    const a = p.article;
    out.push({ articleId: a.id, texts: [p.text], citation: { n: out.length + 1, outlet: a.outlet, title: a.title, ...(a.url ? { url: a.url } : {}) } });
  }
  return out;
}

/** What went wrong, without request bodies or keys. */
function describe(error: unknown): { name: string; status?: number; message: string } {
  const e = error as { name?: string; status?: number; message?: string };
  return { name: e?.name ?? 'Error', ...(typeof e?.status === 'number' ? { status: e.status } : {}), message: String(e?.message ?? error).slice(0, 200) };
}
