import type { StoryRuntime } from '../app/story-runtime';
import type { Clock } from '../clock';
import type { Logger } from '../logging/logger';
import { UserFacingError } from '../errors';
import { OfflineAnswerer } from './offline-answerer';
import type { AnswerWriter } from './claude-answerer';
import { RateLimiter } from './rate-limiter';
import type { Answer } from './answer';

export interface AskLimits {
  maxChars: number;
  ratePerMinute: number;
}

/**
 * The one path every question takes (slash `ask`, @mentions, the CLI): checks length and
 * the caller's rate, answers offline, and lets the language model (when configured) rewrite
 * an answer the offline evidence supports. A refusal stays a refusal.
 */
export class AskService {
  readonly offline: OfflineAnswerer;
  private readonly limiter: RateLimiter;

  constructor(
    readonly story: StoryRuntime,
    private readonly limits: AskLimits,
    clock: Clock,
    private readonly logger: Logger,
    private readonly writer?: AnswerWriter,
  ) {
    this.offline = new OfflineAnswerer(story.definition, story.corpus);
    this.limiter = new RateLimiter(limits.ratePerMinute, clock);
  }

  /** Answers or refuses; throws `UserFacingError` for an empty, too long or rate-limited question. */
  async ask(question: string, callerId: string): Promise<Answer> {
    const q = question.replace(/\s+/g, ' ').trim();
    const command = this.story.definition.command;
    if (!q) throw new UserFacingError(`Ask me a question about the story, e.g. /${command} ask who leads the pre-training team?`, 'ask-empty');
    if (q.length > this.limits.maxChars) {
      throw new UserFacingError(`That question is ${q.length} characters long; please keep it under ${this.limits.maxChars} and ask one thing at a time.`, 'ask-too-long');
    }
    const wait = this.limiter.take(callerId);
    if (wait > 0) {
      throw new UserFacingError(`You have asked a lot of questions in the last minute. Please try again in ${wait} second${wait === 1 ? '' : 's'}.`, 'ask-rate-limited');
    }
    const offline = this.offline.answer(q);
    if (!this.writer || offline.text === null) return offline;
    const written = await this.writer.write(q, offline.evidence);
    if (!written) return offline;
    this.logger.debug({ refused: written.text === null }, 'answer written by the language model');
    return written;
  }
}
