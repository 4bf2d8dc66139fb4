/**
 * The made-up world of the generated story: a freight company's contested bid for a rail
 * operator. Every name, outlet and quote here is invented for the bench.
 */

export interface Entity {
  name: string;
  aliases: string[];
  role: string;
}

export const PEOPLE: readonly Entity[] = [
  { name: 'Maren Okafor', aliases: ['Okafor'], role: 'chief executive of Northwind Logistics' },
  { name: 'Tomas Lindqvist', aliases: ['Lindqvist'], role: 'chair of Calder Rail' },
  { name: 'Priya Raman', aliases: ['Raman'], role: 'transport minister' },
  { name: 'Jonah Whitlock', aliases: ['Whitlock'], role: 'general secretary of the Transport Workers Union' },
  { name: 'Elena Duarte', aliases: ['Duarte'], role: 'rail analyst at Brightwater Capital' },
  { name: 'Samuel Achebe', aliases: ['Achebe'], role: 'finance chief of Calder Rail' },
  { name: 'Hana Kobayashi', aliases: ['Kobayashi'], role: 'head of the Competition and Markets Board' },
  { name: 'Rafael Moreno', aliases: ['Moreno'], role: 'finance chief of Northwind Logistics' },
  { name: 'Ingrid Solberg', aliases: ['Solberg'], role: 'founder of the activist fund Solberg Partners' },
  { name: 'Kwame Mensah', aliases: ['Mensah'], role: 'mayor of Port Avery' },
  { name: 'Lucia Ferraro', aliases: ['Ferraro'], role: 'chief executive of Meridian Freight' },
  { name: 'Oliver Brandt', aliases: ['Brandt'], role: 'banker at Halden & Co advising Calder Rail' },
];

export const ORGANISATIONS: readonly Entity[] = [
  { name: 'Northwind Logistics', aliases: ['Northwind'], role: 'freight group bidding for Calder Rail' },
  { name: 'Calder Rail', aliases: ['Calder'], role: 'regional rail operator under offer' },
  { name: 'Meridian Freight', aliases: ['Meridian'], role: 'rival bidder' },
  { name: 'Competition and Markets Board', aliases: ['the regulator', 'CMB'], role: 'competition regulator reviewing the deal' },
  { name: 'Transport Workers Union', aliases: ['TWU', 'the union'], role: 'union representing rail staff' },
  { name: 'Brightwater Capital', aliases: ['Brightwater'], role: 'investment bank' },
  { name: 'Solberg Partners', aliases: [], role: 'activist shareholder in Calder Rail' },
  { name: 'Halden & Co', aliases: ['Halden'], role: 'adviser to Calder Rail' },
  { name: 'Port Avery Council', aliases: ['Port Avery'], role: 'city whose depots the deal affects' },
];

export const OUTLETS: readonly string[] = [
  'The Harbour Ledger', 'Meridian Wire', 'Northern Courier', 'Daily Signal', 'Capital Markets Review',
  'Rail Business Weekly', 'The Avery Post', 'Freight Today', 'The Morning Dispatch', 'Ledger Financial',
  'Coastline News', 'The Transport Journal', 'Market Street Times', 'City Desk', 'The Evening Gazette',
  'Policy Brief', 'Workers Voice', 'The Boardroom', 'Signal Box', 'Continental Press',
];

export const MINOR_FIRST = ['Ada', 'Bruno', 'Chloe', 'Dev', 'Esther', 'Felix', 'Grace', 'Henrik', 'Isla', 'Jamal', 'Keiko', 'Leon', 'Mina', 'Nils', 'Omar', 'Paula', 'Quinn', 'Rosa', 'Stefan', 'Tara'];
export const MINOR_LAST = ['Abbott', 'Brooks', 'Castell', 'Dunmore', 'Eriksen', 'Fairley', 'Gallo', 'Hughes', 'Iversen', 'Jansen', 'Kerr', 'Lowe', 'Maddox', 'Novak', 'Osei', 'Pryce', 'Quayle', 'Rhodes', 'Sato', 'Tennant'];
export const MINOR_ROLES = ['a depot manager in Port Avery', 'a commuter', 'a pension fund manager', 'a logistics consultant', 'a local councillor', 'a train driver', 'an economist', 'a former Calder Rail director'];

export const CITIES = ['Port Avery', 'Kingsford', 'Halden', 'Marlow Bay', 'Eastbridge', 'Westmere'];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const QUOTES: readonly string[] = [
  'We think a combined network will be cheaper to run and better for the people who use it',
  'Nothing has been agreed and this board will not be rushed',
  'This is about freight capacity, not about cutting jobs',
  'Our members will not accept the closure of a single depot',
  'The price still undervalues the business by a wide margin',
  'We will look at the effect on ticket prices and on freight customers before anything else',
  'Shareholders deserve a straight answer on the timetable',
  'We have the financing in place and we are ready to move quickly',
  'The city needs guarantees in writing, not promises in a press release',
  'A bidding war helps nobody except the advisers',
];

export const ACTIONS = [
  'raise its offer before the deadline', 'keep every depot open for at least three years', 'sell the sleeper services',
  'invest in new freight wagons', 'walk away if the regulator demands disposals', 'list the combined group in Halden',
  'move its head office to Port Avery', 'cut the number of regional managers', 'publish its plans for the network',
];

export const HISTORY = [
  'bought the Eastline ports business', 'lost its franchise for the coastal line', 'opened the Marlow Bay terminal',
  'cut its dividend after a weak winter', 'settled a long dispute over driver pay', 'ordered forty new locomotives',
];

/** News that has nothing to do with the story, for the feeds' other items. */
export const OTHER_HEADLINES = [
  'Council approves new cycle lanes in {city}',
  'Storm closes the coastal road near {city} for a second day',
  'Local bakery wins a national award',
  'Hospital in {city} opens a new children\'s ward',
  'Football club names a new coach after a poor season',
  'Tech start-up in {city} raises {n} million dollars',
  'Library extends weekend opening hours',
  'Heatwave warning issued for the south',
  'Museum returns artefacts to their country of origin',
  'Fishing fleet reports its best catch in a decade',
];

export const OTHER_SENTENCES = [
  'Residents were asked for their views at a meeting on {weekday} evening.',
  'The plan will cost about {n} million dollars over five years, officials said.',
  'Work is due to start in the spring and finish within {n} months.',
  'Opponents say the money would be better spent elsewhere.',
  'Forecasters expect the weather to improve by the weekend.',
  'More than {n} people attended the opening, organisers said.',
  'A spokesperson said further details would follow next week.',
  'The decision follows a long campaign by local groups & residents.',
];
