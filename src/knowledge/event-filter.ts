/**
 * Sentences that carry a date but tell no past event: forecasts and plans, questions, and
 * figures measured at a time ("150 students in 2015").
 */
const FORECAST = /\b(?:will|won't|shall|expects?|expected|expecting|forecasts?|predicts?|predicted|projected|projects that|plans? to|planned to|aims? to|intends? to|hopes? to|is set to|are set to|is going to|are going to|could|would|might|probability|odds|in the coming|next (?:few|two|three|four|five|\d+|several) (?:years|months|decades)|by the end of)\b/i;

/** True when the clause reads as a forecast, plan or hypothetical rather than something that happened. */
export function isForecast(clause: string): boolean {
  return FORECAST.test(clause.replace(/"[^"]*"/g, ''));
}

export function isQuestion(sentence: string): boolean {
  return /\?["')\]]*$/.test(sentence.trim());
}

/** "150 students in 2015": a figure dated by the year, a measurement rather than an event. */
export function isDatedFigure(before: string): boolean {
  return /\d[\d,.]*\s*(?:[kKmM%]|million|billion|thousand)?\s+(?:[\p{L}-]+\s+){0,2}(?:in|by)\s+$/u.test(before);
}
