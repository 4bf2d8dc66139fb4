import type { StoryDefinition } from '../story/story-definition';
import type { Reply } from '../reply/reply';
import { REFUSAL_TEXT, type Answer } from './answer';

/** An answer for the channel: the text, its numbered sources, and where to look next. */
export function answerReply(answer: Answer, story: StoryDefinition): Reply {
  if (answer.text === null) {
    return {
      visibility: 'channel',
      blocks: [
        { kind: 'text', text: REFUSAL_TEXT },
        {
          kind: 'text',
          text: `What I do know: /${story.command} timeline for how the story unfolded, /${story.command} sources for the articles I have read.`,
        },
      ],
    };
  }
  return {
    visibility: 'channel',
    blocks: [
      { kind: 'text', text: answer.text },
      ...(answer.citations.length ? [{ kind: 'citations' as const, citations: answer.citations }] : []),
    ],
    footer: `Answer based on the coverage I have${answer.by === 'llm' ? ', written with Claude' : ''}. More: /${story.command} timeline, /${story.command} sources.`,
  };
}
