import type { CliCommand } from '../cli-command';
import type { AnswersFeature } from '../../../src/answers/answers-feature';
import { answerReply } from '../../../src/answers/answer-reply';
import { renderPlainText } from '../../../src/reply/render-plain-text';
import { NewsdeskError } from '../../../src/errors';
import { cliCaller } from '../cli-identity';

/** `ask [--json] "<question>"`: the same answer path as `/story ask` and @mentions. */
export const askCliCommand: CliCommand = {
  name: 'ask',
  usage: '"<question>"',
  summary: 'answer a question from the coverage, with citations (--json: answer null = refused)',
  async run({ io, options, newsdesk }) {
    const bot = await newsdesk();
    const story = bot.story(options.story);
    const feature = bot.feature<AnswersFeature>('answers');
    if (!feature) throw new NewsdeskError('feature-missing', 'the answers feature is not enabled');
    const question = options.args.join(' ');
    // Empty, too long: the service explains (a UserFacingError is a NewsdeskError: exit 2).
    const answer = await feature.service(story).ask(question, cliCaller.id);
    if (options.json) {
      io.out(
        JSON.stringify({
          question: answer.question,
          answer: answer.text,
          citations: answer.citations.map((c) => ({ outlet: c.outlet, title: c.title ?? '', ...(c.url ? { url: c.url } : {}) })),
          confidence: answer.confidence,
        }),
      );
      return 0;
    }
    io.out(renderPlainText(answerReply(answer, story.definition)));
    return 0;
  },
};
