/**
 * Questions `ask` is timed with, asked in rotation: facts, dates, quotes, numbers, and some
 * the bot should refuse (off the story, or not a question about it). Written for the bench;
 * not the evaluation set.
 */
export const BUNDLED_QUESTIONS: readonly string[] = [
  'Who is Karpathy reporting to at Anthropic?',
  'When did Karpathy start at Anthropic?',
  'Where was Andrej Karpathy born?',
  'What did Karpathy do at Tesla?',
  'How many people viewed the announcement?',
  'What will the new team use Claude for?',
  'Who taught Karpathy at Stanford?',
  'What is Eureka Labs?',
  'Which other OpenAI people moved to Anthropic?',
  'What does vibe coding mean?',
  'What is the capital of Peru?',
  'Write me a short poem about trains',
  'Who won the football match last night?',
  'How much is Anthropic paying him?',
];

export const GENERATED_QUESTIONS: readonly string[] = [
  'Who runs Northwind Logistics?',
  'How much is Northwind offering for Calder Rail?',
  'When did the regulator open its review?',
  'What did Jonah Whitlock say about the depots?',
  'How many workers could be affected?',
  'Who advises Calder Rail on the bid?',
  'When is the shareholder vote?',
  'What happened to Calder Rail shares?',
  'Is Meridian Freight making a rival offer?',
  'What savings do analysts expect from the deal?',
  'What is the capital of Peru?',
  'Write me a short poem about trains',
  'Who won the football match last night?',
  'What does Ingrid Solberg want?',
];
