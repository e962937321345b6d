/**
 * Word lists for the synthetic corpus. Plain data, kept apart from the logic so the generator
 * files stay readable. Nothing here may contain Markdown or annotation syntax ([ ] { } | * _ ` \ #),
 * or generated text could parse as something other than plain prose.
 */

export const FIRST_NAMES = [
  'Anna', 'Pavel', 'Maria', 'José', 'Li', 'Amara', 'Tomasz', 'Elif', 'Kenji', 'Sofia', 'Omar',
  'Ingrid', 'Dmitri', 'Aisha', 'Lukas', 'Camille', 'Rafael', 'Nadia', 'Hiroshi', 'Fatima', 'Mateo',
  'Yara', 'Björn', 'Chen', 'Priya', 'Kwame', 'Zofia', 'Ahmed', 'Elena', 'Jonas', 'Leila', 'Marek',
  'Grace', 'Viktor', 'Ana', 'Samuel', 'Hana', 'Arjun', 'Chiara', 'Tariq', 'Olga', 'Diego', 'Mei',
  'Kofi', 'Sara', 'Andrei', 'Noor', 'Henrik', 'Lucía', 'Ibrahim', 'Irina', 'Paolo', 'Ayumi', 'Emre',
  'Katarzyna', 'Miguel', 'Zainab', 'Stefan', 'Ines', 'Yusuf',
] as const;

export const LAST_NAMES = [
  'Novak', 'Petrov', 'Álvarez', 'Chen', 'Okafor', 'Kowalski', 'Yılmaz', 'Tanaka', 'Rossi', 'Haddad',
  'Lindqvist', 'Morozov', 'Mensah', 'Schneider', 'Dubois', 'Costa', 'Hassan', 'Sato', 'Fernández',
  'Kim', 'Nowak', 'Ivanova', 'Moreau', 'Bianchi', 'Nakamura', 'Adeyemi', 'Larsen', 'Kaya', 'Silva',
  'Popescu', 'Horvat', 'Müller', 'García', 'Rahman', 'Volkov', 'Jensen', 'Demir', 'Santos', 'Ito',
  'Owusu', 'Kovačević', 'Lefèvre', 'Romano', 'Abdullah', 'Sokolov', 'Berg', 'Şahin', 'Pereira',
  'Watanabe', 'Boateng', 'Marković', 'Girard', 'Ferrari', 'Aziz', 'Kuznetsov', 'Holm', 'Öztürk',
  'Ramos', 'Suzuki', 'Asante',
] as const;

/** Syllables for invented surnames and place names, so the name space never runs out. */
export const SYLLABLES = [
  'ka', 've', 'lar', 'mo', 'ri', 'tan', 'sel', 'dor', 'va', 'ne', 'ost', 'bel', 'gra', 'mir', 'lo',
  'zan', 'ter', 'hal', 'ku', 'ro', 'vin', 'sa', 'del', 'tor', 'mar', 'len', 'fe', 'gor', 'is', 'na',
] as const;

export const PLACE_ENDINGS = [
  'ia', 'a', 'ovo', 'burg', 'stan', 'is', 'en', 'ar', 'grad', 'heim', 'port', 'ville', 'mouth', '',
] as const;
export const PLACE_PREFIXES = ['Port ', 'New ', 'North ', 'South ', 'San ', 'Upper ', 'Lake '] as const;
export const PLACE_KINDS = ['City', 'Region', 'Country', 'Port', 'Province', 'District'] as const;

export const ORG_ADJECTIVES = [
  'Northern', 'Eastern', 'United', 'National', 'Continental', 'Atlantic', 'Pacific', 'Central',
  'Allied', 'Federal', 'Global', 'Independent', 'Baltic', 'Southern', 'Western', 'Coastal',
] as const;
export const ORG_NOUNS = [
  'Grain', 'Energy', 'Shipping', 'Steel', 'Telecom', 'Mining', 'Defence', 'Rail', 'Water', 'Media',
  'Logistics', 'Chemical', 'Aviation', 'Fisheries', 'Timber', 'Cement', 'Data', 'Health',
] as const;
export const ORG_SUFFIXES = [
  'Holdings', 'Group', 'Corporation', 'Agency', 'Authority', 'Council', 'Union', 'Alliance',
  'Partners', 'Bank', 'Company', 'Federation', 'Institute', 'Commission',
] as const;
export const MINISTRY_DOMAINS = [
  'Energy', 'Defence', 'Finance', 'Foreign Affairs', 'Agriculture', 'Health', 'Transport', 'Trade',
] as const;

export const EVENT_NOUNS = [
  'Summit', 'Talks', 'Accord', 'Conference', 'Crisis', 'Blockade', 'Referendum', 'Strike',
  'Forum', 'Election', 'Floods', 'Negotiations',
] as const;
export const OPERATION_WORDS = [
  'Red', 'Silent', 'Iron', 'Northern', 'Amber', 'Granite', 'Falcon', 'Harbor', 'Winter', 'Shield',
  'Meridian', 'Cobalt', 'Lantern', 'Tide',
] as const;

export const OBJECT_NOUNS = [
  'Missile', 'Drone', 'Frigate', 'Satellite', 'Reactor', 'Radar', 'Tanker', 'Rocket', 'Submarine',
] as const;
export const INFRASTRUCTURE = ['Pipeline', 'Bridge', 'Dam', 'Terminal', 'Cable', 'Corridor'] as const;

export const TOPIC_A = [
  'Grain', 'Energy', 'Maritime', 'Cyber', 'Food', 'Border', 'Water', 'Nuclear', 'Migration',
  'Climate', 'Currency', 'Arms', 'Fishing', 'Digital', 'Housing', 'Labour',
] as const;
export const TOPIC_B = [
  'Exports', 'Security', 'Sanctions', 'Policy', 'Disputes', 'Reform', 'Subsidies', 'Prices',
  'Regulation', 'Shortages', 'Espionage', 'Controls',
] as const;

export const SOURCES = [
  'Reuters', 'Associated Press', 'Agence France-Presse', 'BBC News', 'The Guardian', 'Al Jazeera',
  'Financial Times', 'Deutsche Welle', 'Nikkei Asia', 'Le Monde', 'El País', 'Bloomberg',
] as const;

export const TAGS = [
  'economy', 'diplomacy', 'security', 'energy', 'trade', 'politics', 'climate', 'technology',
] as const;

// Prose building blocks. Sentences are assembled from these in prose.ts.
export const SUBJECTS = [
  'officials', 'analysts', 'diplomats', 'investors', 'residents', 'negotiators', 'observers',
  'regulators', 'lawmakers', 'spokespeople', 'economists', 'union leaders',
] as const;
export const SAID = [
  'said', 'warned', 'confirmed', 'suggested', 'argued', 'noted', 'reported', 'acknowledged',
  'estimated', 'insisted', 'claimed', 'indicated',
] as const;
export const THINGS = [
  'the agreement', 'the new tariffs', 'the shipment', 'the ceasefire', 'the budget',
  'the proposal', 'the investigation', 'the talks', 'the sanctions package', 'the contract',
  'the reform plan', 'the export quota', 'the loan programme', 'the inquiry', 'the merger',
  'the deployment', 'the pipeline project', 'the relief effort',
] as const;
export const MODALS = ['would', 'could', 'might', 'was expected to', 'was unlikely to', 'should'] as const;
export const INTRANSITIVE = [
  'stall', 'collapse', 'resume', 'be delayed', 'be approved', 'be suspended', 'be extended',
  'be revised', 'face legal challenges', 'go ahead', 'proceed as planned', 'lose support',
] as const;
export const INTRANSITIVE_PAST = [
  'stalled', 'collapsed', 'resumed', 'was delayed', 'was approved', 'was suspended',
  'gained momentum', 'drew criticism', 'was extended', 'was revised', 'faced new scrutiny',
] as const;
export const TRANSITIVE = [
  'review', 'delay', 'expand', 'suspend', 'approve', 'challenge', 'finance', 'block',
  'renegotiate', 'oppose', 'support', 'investigate',
] as const;
export const CLAUSES = [
  'according to people familiar with the matter', 'in a statement released late in the day',
  'citing internal documents', 'amid growing pressure from lawmakers', 'despite earlier assurances',
  'after weeks of negotiations', 'without giving further details', 'in a move that surprised investors',
  'as talks entered a second week', 'while declining to comment on the timing',
  'in remarks broadcast on state television', 'following a closed-door meeting',
] as const;
export const TIMES = [
  'on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'on Saturday',
  'on Sunday', 'last week', 'earlier this month', 'late on Thursday', 'this year', 'overnight',
] as const;
export const UNITS = [
  'percent', 'million dollars', 'billion euros', 'thousand tonnes', 'kilometres', 'days',
  'thousand barrels a day', 'million people',
] as const;

export const CLAIM_VERBS = [
  'signed', 'announced', 'suspended', 'approved', 'cancelled', 'launched', 'confirmed', 'rejected',
  'expanded', 'halted', 'ratified', 'postponed',
] as const;
export const CLAIM_OBJECTS = [
  'a grain export deal', 'a temporary ceasefire', 'a new round of sanctions', 'a joint naval exercise',
  'an emergency loan', 'a gas supply contract', 'a prisoner exchange', 'a border crossing agreement',
  'a debt restructuring plan', 'an arms purchase', 'a fishing quota', 'a data sharing pact',
] as const;

export const QUOTE_OPENERS = [
  'We will not', 'Nobody should', 'We are ready to', 'It would be a mistake to',
  'Our position has not changed, and we will', 'There is still time to', 'We cannot',
  'The government intends to', 'I see no reason to', 'Our partners know we will',
] as const;
export const QUOTE_ENDINGS = [
  '', ' under any circumstances', ' before the end of the year', ' without firm guarantees',
  ' at this stage', ' as long as the talks continue', ' in the interest of our citizens',
] as const;

export const HEADLINE_VERBS = [
  'stalls', 'widens', 'deepens', 'eases', 'faces scrutiny', 'gains support', 'raises concern',
  'draws criticism', 'moves ahead', 'hits delay',
] as const;
export const SUBHEADS = [
  'Reaction', 'Background', 'What comes next', 'Market impact', 'Regional response', 'Context',
] as const;
