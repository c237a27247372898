// Dossier story graph: the 2022 case of ByteDance employees tracking journalists, as told by two
// articles (cypher/sources/). Plain Cypher, statements separated by semicolons: it runs as is in
// cypher-shell or Neo4j Browser (after cypher/schema.cypher), and `npm run seed` loads it in one
// transaction.
//
// Conventions (see cypher/README.md):
// - every node MERGEs on its `id`, every relationship MERGEs on its `id` between two nodes matched
//   by label and id, and properties are SET with `+=`: loading twice gives the same graph;
// - provenance on everything: `sources` (article ids) and `quotes` (verbatim text from that
//   article), aligned index by index; an article may appear several times in `sources`;
// - where the two articles disagree, both accounts are Claim nodes linked from a Disagreement, and
//   the elements concerned carry `disputed: true` and `disagreement: '<id>'`.

// ===========================================================================================
// Articles
// ===========================================================================================

// BEGIN GENERATED: article texts (from cypher/sources/ by scripts/generate-seed-articles.ts; do not edit by hand)
MERGE (a:Article {id: 'article-000'})
SET a.file = '000_50115b27b06a1ed5.txt', a.text = 'TikTok employees stalked journalists to identify their sources\n\nSpying organized by employees. Several American journalists have been tracked by TikTok employees in order to identify their sources. This is the result of an internal investigation conducted by ByteDance, the application’s parent company, and revealed by our colleagues at New York Times.\n\nCollected IP addresses\n\nDuring the summer, several employees of a team of ByteDance in charge of the surveillance of the internal personnel of the company carried out the investigation in order to determine the identity of the employees of the application who snitched to the press. As part of the investigation, the TikTok team accessed the personal information of several American journalists who followed the news related to the social network on behalf of their newspaper.\n\nIn particular, IP addresses were collected to try to determine whether the journalists were in the same geographical area as the employees suspected of leaking information to the media.\n\nIn detail, the internal investigation commissioned by ByteDance into these cases of spying on an outside law firm revealed that at least two journalists from BuzzFeed and the FinancialTimes had been targeted. The magazine Forbes claims for its part that three of its editors have also been tracked.\n\nAn investigation opened by ByteDance\n\nIn an email seen by our colleagues at yardRubo Liang, CEO of ByteDance, said to himself “deeply disappointed“by the behavior of the employees involved in this digital spinning.”The public trust, which we have worked so hard to build, will be significantly undermined by the misbehaviour of a few individuals.“, he added.\n\nAdvertising, your content continues below\n\nAs part of ByteDance’s internal investigation, the company’s head of audit and risk control has been fired, along with three other employees involved in the case. The team has been restructured to avoid further incidents in the future. The investigations were opened by the management of the social network last October, after the publication by Forbes of an investigation into the management of location data of certain American citizens.\n\nTikTok under fire from critics\n\nThis new case falls badly for the social network. For several months, TikTok has been making headlines across the Atlantic. Several US states have banned the installation of the app on their employees’ phones. The country’s authorities are also concerned that the data of US citizens could be exported to China and used for espionage purposes.\n\nAn agreement between ByteDance and the US government is being negotiated, but the revelation of this organized surveillance could put a stop to the talks. For its part, the parent company of TikTok condemned a “unfortunate initiative that seriously violated the company’s code of conduct“, in a statement to theAFP.\n\nRelated Articles\n\nBack to top button';
MERGE (a:Article {id: 'article-004'})
SET a.file = '004_8d78965bdf79bfc3.txt', a.text = 'TikTok Accused Of Tracking Journalists To Investigate Internal Leaks In The Company\n\nIt appears that TikTok might be gaining positive momentum in one direction and then moving backward in another.\n\nThe leading social media firm owned by Chinese parent company ByteDance is now being accused of tracking journalists.\n\nA reporter from The Financial Times was seen speaking about how at least four different workers from the company’s internal audit unit, hailing from both the US and China, ended up taking data of users without them being aware.\n\nThey wished to use such data for their own personal gains and in this case, it happens to be linked to an internal investigation related to leaks. As anyone can imagine, the news is not great, to begin with.\n\nIt looks like regulators may be keeping an even closer eye on the app now after this report because the firm is already accused of tracking behavior.\n\nIt’s interesting how the employees are no longer working in the organization. While one of them resigned, the other three individuals were fired. But that does not mean this report is being brushed away because a crime is a crime and tracking media personnel because they published stories that were deemed critical by TikTok’s parent firm is definitely an eye-opener.\n\nFor now, TikTok is staying hush on the matter and has refused to comment.\n\nAnother report from the same journalist at The Financial Times spoke about how the team members used their authority for the wrong reasons so they could gain access to user data on TikTok.\n\nIt’s interesting how the firm’s CEO did release a separate email delineating how the firm was requested for some to reflect on their actions and how they can stop such incidents from arising in the first place.\nAs mentioned in a recent statement by the Financial Times, the act or crime of spying is a huge criminal offense and can’t be accepted under any sort of circumstances. Therefore, a new investigation regarding the matter will begin before the media outlet gives out a final judgment on the matter.\n\nDuring the early part of this month, we saw TikTok mention how it was working hard at shuffling trust and safety personnel as a part of its plan of response from several different states as well as the federal government regarding safety as well as security concerns.\n\nTikTok does seem to be taking the matter seriously and does try to justify the allegations labeled against it by various regulators out there. For instance, in June of this year, the firm was seen creating a team for trust and safety. The goal was to get to the bottom of tracking allegations and those linked to interfering with users’ data and providing details to officials in China, which it blatantly denied.\n\nDuring that time, the company mentioned how its data security trust and safety team would be working on the likes of compliance and moderation of content. It also hopes to create more global safety policies that oversee the moderation of content around the globe and it wouldn’t be involving the likes of tracking data belonging to American users.\n\nRead next: TikTok Introduces New Feature That Explains Why Users Are Being Served Certain Videos\nPrevious Post Next Post';
// END GENERATED: article texts

MERGE (a:Article {id: 'article-000'})
SET a += {
  name: 'TikTok employees stalked journalists to identify their sources',
  title: 'TikTok employees stalked journalists to identify their sources',
  publisher: 'Unnamed French outlet (the text does not name its publisher)',
  citedOutlet: 'New York Times',
  language: 'en',
  translatedFrom: 'fr',
  description: 'An English translation of a French report: it relays the New York Times’ revelation of ByteDance’s internal investigation into employees who tracked American journalists. The text does not name its publisher or give its date; seeds/README.md describes it as a translated French report.',
  sources: ['article-000'],
  quotes: ['TikTok employees stalked journalists to identify their sources']
};

MERGE (a:Article {id: 'article-004'})
SET a += {
  name: 'TikTok Accused Of Tracking Journalists To Investigate Internal Leaks In The Company',
  title: 'TikTok Accused Of Tracking Journalists To Investigate Internal Leaks In The Company',
  publisher: 'Digital Information World (named in seeds/README.md; the text does not name its publisher)',
  citedOutlet: 'Financial Times',
  language: 'en',
  description: 'A Digital Information World report relaying a Financial Times reporter’s account of TikTok audit workers taking user data to track journalists. The text gives no date; its “this month” and “June of this year” are relative to a publication date it does not state.',
  sources: ['article-004'],
  quotes: ['TikTok Accused Of Tracking Journalists To Investigate Internal Leaks In The Company']
};

// ===========================================================================================
// Organizations (kind: company, law-firm, government, state-governments, regulators, country)
// ===========================================================================================

MERGE (n:Organization {id: 'bytedance'})
SET n += {
  name: 'ByteDance',
  kind: 'company',
  country: 'China',
  description: 'TikTok’s Chinese parent company. It commissioned and conducted the internal investigation into the spying, fired those involved (000), and condemned the spying in a statement to AFP (000). It is negotiating an agreement with the US government (000).',
  sources: ['article-000', 'article-000', 'article-004'],
  quotes: [
    'ByteDance, the application’s parent company',
    'the parent company of TikTok',
    'Chinese parent company ByteDance'
  ]
};

MERGE (n:Organization {id: 'tiktok'})
SET n += {
  name: 'TikTok',
  kind: 'company',
  description: 'The application and social network owned by ByteDance; “the leading social media firm” (004). Under fire in the US for months (000), accused of tracking journalists (004), it refused to comment (004), denied regulators’ allegations and created and reshuffled a trust and safety team (004).',
  sources: ['article-000', 'article-000', 'article-004'],
  quotes: [
    'the application’s parent company',
    'For several months, TikTok has been making headlines across the Atlantic.',
    'The leading social media firm owned by Chinese parent company ByteDance'
  ]
};

MERGE (n:Organization {id: 'outside-law-firm'})
SET n += {
  name: 'Outside law firm',
  kind: 'law-firm',
  named: false,
  description: 'The outside law firm on which ByteDance’s internal investigation into the spying was commissioned (the translation reads “commissioned by ByteDance … on an outside law firm”). Its name is not given.',
  sources: ['article-000'],
  quotes: ['the internal investigation commissioned by ByteDance into these cases of spying on an outside law firm']
};

MERGE (n:Organization {id: 'us-government'})
SET n += {
  name: 'US government',
  kind: 'government',
  description: 'The US government (“the country’s authorities”, 000; “the federal government”, 004): concerned that US citizens’ data could be exported to China, negotiating an agreement with ByteDance (000); TikTok’s trust and safety reshuffle responds to it (004).',
  sources: ['article-000', 'article-000', 'article-004'],
  quotes: [
    'The country’s authorities are also concerned',
    'An agreement between ByteDance and the US government is being negotiated',
    'the federal government'
  ]
};

MERGE (n:Organization {id: 'us-states'})
SET n += {
  name: 'Several US states',
  kind: 'state-governments',
  countText: 'several',
  named: false,
  description: 'Several US states, not named, that have banned the installation of TikTok on their employees’ phones (000); TikTok’s trust and safety reshuffle is part of its response to “several different states” (004).',
  sources: ['article-000', 'article-004'],
  quotes: [
    'Several US states have banned the installation of the app on their employees’ phones.',
    'several different states'
  ]
};

MERGE (n:Organization {id: 'regulators'})
SET n += {
  name: 'Various regulators',
  kind: 'regulators',
  named: false,
  description: 'Regulators, not named, who have made allegations against TikTok (tracking, interfering with users’ data, providing details to officials in China) and who, 004 suggests, may now keep an even closer eye on the app.',
  sources: ['article-004', 'article-004'],
  quotes: [
    'the allegations labeled against it by various regulators out there',
    'It looks like regulators may be keeping an even closer eye on the app now after this report'
  ]
};

MERGE (n:Organization {id: 'china'})
SET n += {
  name: 'China',
  kind: 'country',
  description: 'China: where US authorities fear US citizens’ data could be exported and used for espionage (000); home of ByteDance and of some of the audit workers (004); TikTok denied providing details to officials in China (004).',
  sources: ['article-000', 'article-004', 'article-004'],
  quotes: [
    'the data of US citizens could be exported to China and used for espionage purposes',
    'hailing from both the US and China',
    'providing details to officials in China'
  ]
};

MERGE (n:Organization {id: 'united-states'})
SET n += {
  name: 'United States',
  kind: 'country',
  description: 'The United States (“across the Atlantic” in the French report): where the tracked journalists work, where TikTok makes headlines and some states banned the app (000); home of some of the audit workers (004).',
  sources: ['article-000', 'article-000', 'article-004'],
  quotes: [
    'Several American journalists',
    'TikTok has been making headlines across the Atlantic',
    'hailing from both the US and China'
  ]
};

// ===========================================================================================
// Teams
// ===========================================================================================

MERGE (n:Team {id: 'internal-audit-team'})
SET n += {
  name: 'Internal audit and risk-control team',
  description: 'The team “in charge of the surveillance of the internal personnel of the company” (000), “the company’s internal audit unit” (004). 000 calls it both “a team of ByteDance” and “the TikTok team”. Its members tracked journalists to find leakers; its head was fired and the team restructured (000).',
  sources: ['article-000', 'article-000', 'article-004'],
  quotes: [
    'a team of ByteDance in charge of the surveillance of the internal personnel of the company',
    'the TikTok team',
    'the company’s internal audit unit'
  ]
};

MERGE (n:Team {id: 'tiktok-management'})
SET n += {
  name: 'Management of TikTok',
  description: '“The management of the social network”, which opened the investigations last October (000).',
  sources: ['article-000'],
  quotes: ['The investigations were opened by the management of the social network last October']
};

MERGE (n:Team {id: 'trust-and-safety-team'})
SET n += {
  name: 'TikTok trust and safety team',
  description: 'A “team for trust and safety” TikTok was seen creating in June, to get to the bottom of tracking allegations; its “data security trust and safety team” would work on compliance and content moderation (004). TikTok was reshuffling trust and safety personnel early this month (004).',
  responsibilities: ['compliance', 'moderation of content'],
  sources: ['article-004', 'article-004', 'article-004'],
  quotes: [
    'the firm was seen creating a team for trust and safety',
    'its data security trust and safety team would be working on the likes of compliance and moderation of content',
    'shuffling trust and safety personnel'
  ]
};

// ===========================================================================================
// People (named or not; a group of unnamed people is one node with what the text says: count…)
// ===========================================================================================

MERGE (n:Person {id: 'rubo-liang'})
SET n += {
  name: 'Rubo Liang',
  named: true,
  role: 'CEO of ByteDance',
  description: 'CEO of ByteDance. In an email he said he was “deeply disappointed” by the employees involved and that public trust would be significantly undermined (000).',
  sources: ['article-000'],
  quotes: ['Rubo Liang, CEO of ByteDance']
};

MERGE (n:Person {id: 'head-of-audit'})
SET n += {
  name: 'Head of audit and risk control',
  named: false,
  count: 1,
  role: 'head of audit and risk control',
  description: 'The company’s head of audit and risk control, not named, fired as part of ByteDance’s internal investigation (000).',
  sources: ['article-000'],
  quotes: ['the company’s head of audit and risk control has been fired']
};

MERGE (n:Person {id: 'three-other-employees'})
SET n += {
  name: 'Three other employees involved (000)',
  named: false,
  count: 3,
  description: 'Three other employees involved in the case, fired along with the head of audit and risk control (000).',
  sources: ['article-000'],
  quotes: ['along with three other employees involved in the case']
};

MERGE (n:Person {id: 'involved-employees'})
SET n += {
  name: 'Employees who tracked the journalists (000)',
  named: false,
  countText: 'several',
  description: 'Several employees of ByteDance’s internal-surveillance team (“TikTok employees” in the headline) who, during the summer, tracked American journalists to identify the employees who leaked to the press (000). Rubo Liang calls them “the employees involved in this digital spinning”.',
  sources: ['article-000', 'article-000', 'article-000', 'article-000'],
  quotes: [
    'Spying organized by employees.',
    'Several American journalists have been tracked by TikTok employees',
    'several employees of a team of ByteDance',
    'the employees involved in this digital spinning'
  ]
};

MERGE (n:Person {id: 'audit-workers'})
SET n += {
  name: 'At least four audit-unit workers (004)',
  named: false,
  count: 4,
  countIsMinimum: true,
  countText: 'at least four',
  origin: ['US', 'China'],
  description: 'At least four workers from the company’s internal audit unit, from both the US and China, who took users’ data without their knowledge, using their authority to gain access to user data on TikTok (004). They no longer work for the organization: one resigned, three were fired (004).',
  sources: ['article-004', 'article-004', 'article-004'],
  quotes: [
    'at least four different workers from the company’s internal audit unit, hailing from both the US and China',
    'the team members used their authority for the wrong reasons',
    'the employees are no longer working in the organization'
  ]
};

MERGE (n:Person {id: 'resigned-worker'})
SET n += {
  name: 'The worker who resigned (004)',
  named: false,
  count: 1,
  description: 'One of the audit-unit workers, who resigned (004). 000 mentions no resignation.',
  disputed: true,
  disagreement: 'disagreement-dismissals',
  sources: ['article-004'],
  quotes: ['While one of them resigned']
};

MERGE (n:Person {id: 'three-fired-workers'})
SET n += {
  name: 'Three fired workers (004)',
  named: false,
  count: 3,
  description: 'The other three audit-unit workers, who were fired (004).',
  sources: ['article-004'],
  quotes: ['the other three individuals were fired']
};

MERGE (n:Person {id: 'suspected-leakers'})
SET n += {
  name: 'Employees suspected of leaking',
  named: false,
  description: 'Employees of the application suspected of having “snitched to the press”, whose identity the surveillance tried to determine (000); the “internal leaks” of 004’s headline.',
  sources: ['article-000', 'article-000', 'article-004'],
  quotes: [
    'the employees of the application who snitched to the press',
    'the employees suspected of leaking information to the media',
    'Internal Leaks In The Company'
  ]
};

MERGE (n:Person {id: 'tracked-journalists'})
SET n += {
  name: 'Tracked journalists',
  named: false,
  countText: 'several',
  nationality: 'American',
  description: 'Several American journalists who followed TikTok news for their newspapers, tracked by employees trying to identify their sources (000); “media personnel” tracked because they published stories deemed critical by TikTok’s parent firm (004).',
  sources: ['article-000', 'article-000', 'article-004', 'article-004'],
  quotes: [
    'Several American journalists have been tracked by TikTok employees in order to identify their sources.',
    'several American journalists who followed the news related to the social network on behalf of their newspaper',
    'is now being accused of tracking journalists',
    'tracking media personnel because they published stories that were deemed critical by TikTok’s parent firm'
  ]
};

MERGE (n:Person {id: 'buzzfeed-ft-journalists'})
SET n += {
  name: 'Journalists from BuzzFeed and the Financial Times',
  named: false,
  count: 2,
  countIsMinimum: true,
  countText: 'at least two',
  description: 'At least two journalists from BuzzFeed and the Financial Times whom the internal investigation found had been targeted (000). The text does not say how many from each outlet.',
  sources: ['article-000'],
  quotes: ['at least two journalists from BuzzFeed and the FinancialTimes had been targeted']
};

MERGE (n:Person {id: 'forbes-editors'})
SET n += {
  name: 'Three Forbes editors',
  named: false,
  count: 3,
  description: 'Three Forbes editors who, Forbes claims, have also been tracked (000). This is Forbes’ claim, not a finding of the internal investigation.',
  sources: ['article-000'],
  quotes: ['three of its editors have also been tracked']
};

MERGE (n:Person {id: 'ft-reporter'})
SET n += {
  name: 'Financial Times reporter (004)',
  named: false,
  count: 1,
  description: 'A Financial Times reporter, not named, whose reports 004 relays: the four audit workers taking users’ data, and, in another report, the team members abusing their authority to access TikTok user data.',
  sources: ['article-004', 'article-004'],
  quotes: ['A reporter from The Financial Times', 'the same journalist at The Financial Times']
};

MERGE (n:Person {id: 'firms-ceo-004'})
SET n += {
  name: 'The firm’s CEO (004, unnamed)',
  named: false,
  count: 1,
  description: '“The firm’s CEO”, not named in 004, who released a separate email asking some to reflect on their actions. In 004 “the firm” is TikTok; 000 attributes an email to Rubo Liang, CEO of ByteDance — the texts do not say whether these are the same person or email.',
  sources: ['article-004'],
  quotes: ['the firm’s CEO did release a separate email']
};

// ===========================================================================================
// Outlets (news media, including the two publishers of the articles)
// ===========================================================================================

MERGE (n:Outlet {id: 'new-york-times'})
SET n += {
  name: 'New York Times',
  kind: 'newspaper',
  description: 'Revealed ByteDance’s internal investigation, according to 000 (“our colleagues at New York Times”). 004 does not mention it.',
  sources: ['article-000'],
  quotes: ['revealed by our colleagues at New York Times']
};

MERGE (n:Outlet {id: 'buzzfeed'})
SET n += {
  name: 'BuzzFeed',
  kind: 'news site',
  description: 'Employer of journalists targeted by the surveillance (000).',
  sources: ['article-000'],
  quotes: ['at least two journalists from BuzzFeed']
};

MERGE (n:Outlet {id: 'financial-times'})
SET n += {
  name: 'Financial Times',
  kind: 'newspaper',
  description: 'Employer of journalists targeted by the surveillance (000, which spells it “FinancialTimes”); its reporter is 004’s source, and 004 cites a “recent statement by the Financial Times” calling spying a criminal offense.',
  sources: ['article-000', 'article-004', 'article-004'],
  quotes: [
    'journalists from BuzzFeed and the FinancialTimes',
    'A reporter from The Financial Times',
    'a recent statement by the Financial Times'
  ]
};

MERGE (n:Outlet {id: 'forbes'})
SET n += {
  name: 'Forbes',
  kind: 'magazine',
  description: 'The magazine Forbes: it claims three of its editors were tracked, and its investigation into location data of American citizens preceded the opening of the internal investigations last October (000).',
  sources: ['article-000', 'article-000'],
  quotes: [
    'The magazine Forbes claims for its part',
    'the publication by Forbes of an investigation into the management of location data of certain American citizens'
  ]
};

MERGE (n:Outlet {id: 'afp'})
SET n += {
  name: 'AFP',
  kind: 'news agency',
  description: 'The outlet to which ByteDance gave its statement condemning the spying (000, “theAFP”). The text does not expand the acronym.',
  sources: ['article-000'],
  quotes: ['in a statement to theAFP']
};

MERGE (n:Outlet {id: 'outlet-yard'})
SET n += {
  name: 'yard (outlet name as printed)',
  named: false,
  nameGarbled: true,
  description: 'The outlet whose journalists saw Rubo Liang’s email — “our colleagues at yard” in the translation. The name looks garbled by the translation; the text does not say which outlet it is.',
  sources: ['article-000'],
  quotes: ['In an email seen by our colleagues at yard']
};

MERGE (n:Outlet {id: 'publisher-000'})
SET n += {
  name: 'Publisher of article 000 (unnamed French outlet)',
  named: false,
  language: 'fr',
  description: 'The outlet that published article 000. The text does not name it; it calls the New York Times journalists “our colleagues”. seeds/README.md describes the article as the translation of a French report.',
  sources: ['article-000'],
  quotes: ['revealed by our colleagues at New York Times']
};

MERGE (n:Outlet {id: 'digital-information-world'})
SET n += {
  name: 'Digital Information World',
  kind: 'news site',
  description: 'The publisher of article 004, per seeds/README.md; the article text does not name it (it speaks as “we”).',
  nameSource: 'seeds/README.md',
  sources: ['article-004'],
  quotes: ['we saw TikTok mention']
};

// ===========================================================================================
// Data taken or at stake
// ===========================================================================================

MERGE (n:Data {id: 'journalists-personal-information'})
SET n += {
  name: 'Personal information of American journalists',
  description: 'Personal information of several American journalists covering TikTok, accessed by the TikTok team during its investigation (000).',
  sources: ['article-000'],
  quotes: ['the TikTok team accessed the personal information of several American journalists']
};

MERGE (n:Data {id: 'ip-addresses'})
SET n += {
  name: 'IP addresses',
  description: 'IP addresses collected to try to determine whether the journalists were in the same geographical area as the employees suspected of leaking (000).',
  purpose: 'to try to determine whether the journalists were in the same geographical area as the employees suspected of leaking information to the media',
  sources: ['article-000', 'article-000'],
  quotes: [
    'Collected IP addresses',
    'In particular, IP addresses were collected to try to determine whether the journalists were in the same geographical area as the employees suspected of leaking information to the media.'
  ]
};

MERGE (n:Data {id: 'tiktok-user-data'})
SET n += {
  name: 'TikTok user data',
  description: 'Data of TikTok users taken by the audit workers without the users being aware, through access gained by abusing their authority (004).',
  sources: ['article-004', 'article-004'],
  quotes: ['taking data of users without them being aware', 'user data on TikTok']
};

MERGE (n:Data {id: 'us-citizens-data'})
SET n += {
  name: 'Data of US citizens / American users',
  description: 'The data of US citizens, which US authorities fear could be exported to China and used for espionage (000); TikTok says its safety policies would not involve tracking data belonging to American users (004).',
  sources: ['article-000', 'article-004'],
  quotes: ['the data of US citizens', 'tracking data belonging to American users']
};

MERGE (n:Data {id: 'location-data'})
SET n += {
  name: 'Location data of American citizens',
  description: 'Location data of certain American citizens, the subject of Forbes’ investigation (000).',
  sources: ['article-000'],
  quotes: ['location data of certain American citizens']
};

// ===========================================================================================
// Events (dateText keeps the words; start/end bound them when they can be inferred)
// ===========================================================================================

MERGE (n:Event {id: 'journalist-surveillance'})
SET n += {
  name: 'Tracking of journalists to find leakers',
  kind: 'surveillance',
  dateText: 'During the summer',
  start: date('2022-06-01'),
  end: date('2022-08-31'),
  datePrecision: 'season',
  dateInferred: true,
  dateNote: '000 says only “During the summer”; neither article gives the year. 2022 comes from context (the case was reported in December 2022, after the internal investigation opened “last October”). The bounds are the meteorological summer.',
  description: 'Employees of ByteDance’s internal-surveillance team investigated who had leaked to the press, accessing American journalists’ personal information and collecting IP addresses to compare their locations with suspected leakers’ (000); audit workers took user data, linked to an internal investigation into leaks (004).',
  sources: ['article-000', 'article-000', 'article-004', 'article-004'],
  quotes: [
    'Spying organized by employees.',
    'During the summer, several employees of a team of ByteDance in charge of the surveillance of the internal personnel of the company carried out the investigation in order to determine the identity of the employees of the application who snitched to the press.',
    'TikTok Accused Of Tracking Journalists To Investigate Internal Leaks In The Company',
    'it happens to be linked to an internal investigation related to leaks'
  ]
};

MERGE (n:Event {id: 'forbes-location-story'})
SET n += {
  name: 'Forbes’ investigation into location data',
  kind: 'publication',
  dateText: 'last October',
  start: date('2022-10-01'),
  end: date('2022-10-31'),
  datePrecision: 'month',
  dateInferred: true,
  dateNote: '000 says the investigations were opened “last October, after the publication by Forbes”; it does not date the Forbes story itself more precisely or give the year (2022 from context). The bounds are October 2022, the month the text ties it to.',
  description: 'Forbes published an investigation into the management of location data of certain American citizens; the internal investigations were opened after it (000).',
  sources: ['article-000'],
  quotes: ['after the publication by Forbes of an investigation into the management of location data of certain American citizens']
};

MERGE (n:Event {id: 'internal-investigation'})
SET n += {
  name: 'ByteDance’s internal investigation',
  kind: 'investigation',
  dateText: 'last October',
  start: date('2022-10-01'),
  end: date('2022-10-31'),
  datePrecision: 'month',
  dateInferred: true,
  dateNote: 'The bounds date the opening (“opened … last October”, 000). The year is not in the text; 2022 comes from context.',
  description: 'The internal investigation ByteDance conducted into the cases of spying, commissioned on an outside law firm and opened last October by the management of the social network after Forbes’ story. It revealed that at least two BuzzFeed and Financial Times journalists had been targeted; the head of audit and risk control and three other employees were fired as part of it. The New York Times revealed it (000).',
  sources: ['article-000', 'article-000', 'article-000', 'article-000'],
  quotes: [
    'This is the result of an internal investigation conducted by ByteDance',
    'An investigation opened by ByteDance',
    'the internal investigation commissioned by ByteDance into these cases of spying',
    'The investigations were opened by the management of the social network last October'
  ]
};

MERGE (n:Event {id: 'dismissals'})
SET n += {
  name: 'Dismissals of the employees involved',
  kind: 'dismissal',
  dateNote: 'Neither article dates the dismissals; both report them as done.',
  description: '000: the head of audit and risk control and three other employees involved were fired as part of ByteDance’s internal investigation. 004: the four workers no longer work in the organization — one resigned, three were fired.',
  disputed: true,
  disagreement: 'disagreement-dismissals',
  sources: ['article-000', 'article-004', 'article-004'],
  quotes: [
    'As part of ByteDance’s internal investigation, the company’s head of audit and risk control has been fired, along with three other employees involved in the case.',
    'It’s interesting how the employees are no longer working in the organization.',
    'While one of them resigned, the other three individuals were fired.'
  ]
};

MERGE (n:Event {id: 'audit-team-restructuring'})
SET n += {
  name: 'Restructuring of the audit team',
  kind: 'restructuring',
  dateNote: 'Not dated in the text; reported as done.',
  purpose: 'to avoid further incidents in the future',
  description: 'The team has been restructured to avoid further incidents (000).',
  sources: ['article-000'],
  quotes: ['The team has been restructured to avoid further incidents in the future.']
};

MERGE (n:Event {id: 'liang-email'})
SET n += {
  name: 'Rubo Liang’s email',
  kind: 'email',
  dateNote: 'Not dated in the text.',
  description: 'An email from Rubo Liang, seen by journalists (“our colleagues at yard”), in which he says he is “deeply disappointed” by the employees involved and that public trust will be significantly undermined (000).',
  sources: ['article-000'],
  quotes: ['In an email seen by our colleagues at yardRubo Liang, CEO of ByteDance']
};

MERGE (n:Event {id: 'ceo-email-004'})
SET n += {
  name: 'The CEO’s separate email (004)',
  kind: 'email',
  dateNote: 'Not dated in the text.',
  description: 'A separate email from “the firm’s CEO” delineating how some were asked to reflect on their actions and how such incidents can be stopped from arising (004). 004 does not name the CEO; 000 reports an email from Rubo Liang — the texts do not say whether it is the same email.',
  sources: ['article-004'],
  quotes: ['the firm’s CEO did release a separate email delineating how the firm was requested for some to reflect on their actions and how they can stop such incidents from arising in the first place']
};

MERGE (n:Event {id: 'us-scrutiny'})
SET n += {
  name: 'TikTok under fire in the US',
  kind: 'public scrutiny',
  dateText: 'For several months',
  datePrecision: 'relative',
  dateNote: '“For several months” before the article; no bounds can be given.',
  description: 'For several months TikTok has been making headlines in the US (“across the Atlantic”): state bans, authorities’ concern about data exported to China (000); the firm is already accused of tracking behaviour (004).',
  sources: ['article-000', 'article-000', 'article-004'],
  quotes: [
    'TikTok under fire from critics',
    'For several months, TikTok has been making headlines across the Atlantic.',
    'the firm is already accused of tracking behavior'
  ]
};

MERGE (n:Event {id: 'state-bans'})
SET n += {
  name: 'US state bans of TikTok on employees’ phones',
  kind: 'ban',
  dateNote: 'Not dated in the text; reported as already in place.',
  description: 'Several US states have banned the installation of the app on their employees’ phones (000).',
  sources: ['article-000'],
  quotes: ['Several US states have banned the installation of the app on their employees’ phones.']
};

MERGE (n:Event {id: 'us-negotiations'})
SET n += {
  name: 'Negotiations between ByteDance and the US government',
  kind: 'negotiation',
  dateText: 'is being negotiated',
  datePrecision: 'ongoing',
  dateNote: 'Ongoing when 000 was written; not otherwise dated.',
  description: 'An agreement between ByteDance and the US government is being negotiated; the revelation of the surveillance could put a stop to the talks (000).',
  sources: ['article-000'],
  quotes: ['An agreement between ByteDance and the US government is being negotiated, but the revelation of this organized surveillance could put a stop to the talks.']
};

MERGE (n:Event {id: 'new-investigation'})
SET n += {
  name: 'A new investigation (announced, 004)',
  kind: 'investigation',
  dateText: 'will begin',
  datePrecision: 'future',
  dateNote: 'Announced as future in 004; not dated.',
  description: 'Following the Financial Times’ statement, “a new investigation regarding the matter will begin before the media outlet gives out a final judgment” (004). The text does not say who conducts it.',
  sources: ['article-004'],
  quotes: ['Therefore, a new investigation regarding the matter will begin before the media outlet gives out a final judgment on the matter.']
};

MERGE (n:Event {id: 'trust-safety-team-creation'})
SET n += {
  name: 'TikTok creates a trust and safety team',
  kind: 'creation',
  dateText: 'in June of this year',
  start: date('2022-06-01'),
  end: date('2022-06-30'),
  datePrecision: 'month',
  dateInferred: true,
  dateNote: '“June of this year” (004): the year is the article’s, which the text does not state; 2022 comes from context.',
  description: 'In June TikTok was seen creating a team for trust and safety, to get to the bottom of tracking allegations and allegations of interfering with users’ data and providing details to officials in China, which it denied (004).',
  sources: ['article-004', 'article-004'],
  quotes: [
    'For instance, in June of this year, the firm was seen creating a team for trust and safety.',
    'The goal was to get to the bottom of tracking allegations'
  ]
};

MERGE (n:Event {id: 'trust-safety-reshuffle'})
SET n += {
  name: 'TikTok reshuffles trust and safety personnel',
  kind: 'restructuring',
  dateText: 'During the early part of this month',
  start: date('2022-12-01'),
  end: date('2022-12-15'),
  datePrecision: 'part-of-month',
  dateInferred: true,
  dateNote: '“this month” is the month 004 was published, which the text does not state; December 2022 comes from context (the case was reported in late December 2022). “Early part” is read as the first half.',
  description: 'TikTok said it was working hard at shuffling trust and safety personnel as part of its response to several states and the federal government about safety and security concerns (004).',
  sources: ['article-004'],
  quotes: ['During the early part of this month, we saw TikTok mention how it was working hard at shuffling trust and safety personnel as a part of its plan of response from several different states as well as the federal government regarding safety as well as security concerns.']
};

// ===========================================================================================
// Claims: what someone said (kind 'statement'), an article's own comment (kind 'comment'), and
// each article's account of a disputed fact (kind 'account', linked from a Disagreement)
// ===========================================================================================

MERGE (n:Claim {id: 'claim-liang-deeply-disappointed'})
SET n += {
  name: 'Liang: “deeply disappointed”',
  kind: 'statement',
  statement: 'Rubo Liang said he was “deeply disappointed” by the behaviour of the employees involved.',
  value: 'deeply disappointed',
  sources: ['article-000'],
  quotes: ['said to himself “deeply disappointed“by the behavior of the employees involved in this digital spinning']
};

MERGE (n:Claim {id: 'claim-liang-public-trust'})
SET n += {
  name: 'Liang: public trust will be undermined',
  kind: 'statement',
  statement: 'Rubo Liang added that the public trust the company worked to build will be significantly undermined by the misbehaviour of a few individuals.',
  value: 'public trust significantly undermined by a few individuals',
  sources: ['article-000'],
  quotes: ['The public trust, which we have worked so hard to build, will be significantly undermined by the misbehaviour of a few individuals.']
};

MERGE (n:Claim {id: 'claim-bytedance-condemnation'})
SET n += {
  name: 'ByteDance condemns an “unfortunate initiative”',
  kind: 'statement',
  statement: 'In a statement to AFP, ByteDance condemned an “unfortunate initiative that seriously violated the company’s code of conduct”.',
  value: 'unfortunate initiative that seriously violated the company’s code of conduct',
  disputed: true,
  disagreement: 'disagreement-company-comment',
  sources: ['article-000'],
  quotes: ['the parent company of TikTok condemned a “unfortunate initiative that seriously violated the company’s code of conduct“, in a statement to theAFP']
};

MERGE (n:Claim {id: 'claim-forbes-editors-tracked'})
SET n += {
  name: 'Forbes: three of its editors were tracked',
  kind: 'statement',
  statement: 'Forbes claims that three of its editors have also been tracked.',
  value: '3 Forbes editors tracked',
  sources: ['article-000'],
  quotes: ['The magazine Forbes claims for its part that three of its editors have also been tracked.']
};

MERGE (n:Claim {id: 'claim-ceo-email-004'})
SET n += {
  name: 'CEO email: reflect on actions, stop such incidents',
  kind: 'statement',
  statement: 'The firm’s CEO’s email delineated how some were asked to reflect on their actions and how such incidents can be stopped from arising.',
  value: 'reflect on their actions; stop such incidents',
  sources: ['article-004'],
  quotes: ['delineating how the firm was requested for some to reflect on their actions and how they can stop such incidents from arising in the first place']
};

MERGE (n:Claim {id: 'claim-ft-spying-crime'})
SET n += {
  name: 'FT statement: spying is a criminal offense',
  kind: 'statement',
  statement: 'According to a recent statement by the Financial Times (as 004 puts it), spying is a huge criminal offense that cannot be accepted under any circumstances.',
  value: 'spying is a huge criminal offense',
  sources: ['article-004'],
  quotes: ['As mentioned in a recent statement by the Financial Times, the act or crime of spying is a huge criminal offense and can’t be accepted under any sort of circumstances.']
};

MERGE (n:Claim {id: 'claim-regulators-allegations'})
SET n += {
  name: 'Regulators’ allegations against TikTok',
  kind: 'statement',
  statement: 'Various regulators allege that TikTok tracks, interferes with users’ data and provides details to officials in China; TikTok denies it.',
  value: 'tracking; interfering with users’ data; providing details to officials in China',
  sources: ['article-004', 'article-004', 'article-004'],
  quotes: [
    'the allegations labeled against it by various regulators out there',
    'tracking allegations and those linked to interfering with users’ data and providing details to officials in China',
    'the firm is already accused of tracking behavior'
  ]
};

MERGE (n:Claim {id: 'claim-tiktok-trust-safety-plans'})
SET n += {
  name: 'TikTok: what its trust and safety team will do',
  kind: 'statement',
  statement: 'TikTok said its data security trust and safety team would work on compliance and content moderation, and hopes to create more global safety policies that would not involve tracking data belonging to American users.',
  value: 'compliance; content moderation; global safety policies; no tracking of American users’ data',
  sources: ['article-004', 'article-004'],
  quotes: [
    'During that time, the company mentioned how its data security trust and safety team would be working on the likes of compliance and moderation of content.',
    'It also hopes to create more global safety policies that oversee the moderation of content around the globe and it wouldn’t be involving the likes of tracking data belonging to American users.'
  ]
};

MERGE (n:Claim {id: 'claim-000-comment-falls-badly'})
SET n += {
  name: '000: the case falls badly for TikTok',
  kind: 'comment',
  statement: 'Article 000’s own assessment: this new case falls badly for the social network.',
  value: 'falls badly',
  sources: ['article-000'],
  quotes: ['This new case falls badly for the social network.']
};

MERGE (n:Claim {id: 'claim-004-comment-momentum'})
SET n += {
  name: '004: TikTok gains in one direction, moves backward in another',
  kind: 'comment',
  statement: 'Article 004’s own assessment: TikTok might be gaining positive momentum in one direction and moving backward in another.',
  value: 'moving backward',
  sources: ['article-004'],
  quotes: ['It appears that TikTok might be gaining positive momentum in one direction and then moving backward in another.']
};

MERGE (n:Claim {id: 'claim-004-comment-news-not-great'})
SET n += {
  name: '004: the news is not great',
  kind: 'comment',
  statement: 'Article 004’s own assessment: the news is not great.',
  value: 'not great',
  sources: ['article-004'],
  quotes: ['As anyone can imagine, the news is not great, to begin with.']
};

MERGE (n:Claim {id: 'claim-004-comment-closer-eye'})
SET n += {
  name: '004: regulators may keep a closer eye on TikTok',
  kind: 'comment',
  statement: 'Article 004’s speculation: regulators may keep an even closer eye on the app after this report.',
  value: 'closer regulatory scrutiny likely',
  sources: ['article-004'],
  quotes: ['It looks like regulators may be keeping an even closer eye on the app now after this report']
};

MERGE (n:Claim {id: 'claim-004-comment-crime'})
SET n += {
  name: '004: a crime is a crime',
  kind: 'comment',
  statement: 'Article 004’s own assessment: the departures do not mean the report is brushed away; a crime is a crime, and tracking media personnel over critical stories is an eye-opener.',
  value: 'a crime is a crime',
  sources: ['article-004'],
  quotes: ['But that does not mean this report is being brushed away because a crime is a crime']
};

MERGE (n:Claim {id: 'claim-004-comment-taking-seriously'})
SET n += {
  name: '004: TikTok seems to take the matter seriously',
  kind: 'comment',
  statement: 'Article 004’s own assessment: TikTok seems to be taking the matter seriously and tries to answer regulators’ allegations.',
  value: 'taking it seriously',
  sources: ['article-004'],
  quotes: ['TikTok does seem to be taking the matter seriously and does try to justify the allegations labeled against it by various regulators out there.']
};

// --- Accounts of disputed facts ------------------------------------------------------------

MERGE (n:Claim {id: 'claim-000-dismissals'})
SET n += {
  name: '000: four fired (head of audit + three others)',
  kind: 'account',
  statement: 'The company’s head of audit and risk control has been fired, along with three other employees involved in the case; no resignation is mentioned.',
  value: 'fired: 4 (the head of audit and risk control and three other employees); resigned: none mentioned',
  firedCount: 4,
  sources: ['article-000'],
  quotes: ['the company’s head of audit and risk control has been fired, along with three other employees involved in the case']
};

MERGE (n:Claim {id: 'claim-004-dismissals'})
SET n += {
  name: '004: four workers left — one resigned, three fired',
  kind: 'account',
  statement: 'The four audit-unit workers no longer work in the organization: one resigned and the other three were fired.',
  value: 'left: 4 workers; resigned: 1; fired: 3',
  firedCount: 3,
  resignedCount: 1,
  leftCount: 4,
  sources: ['article-004', 'article-004'],
  quotes: [
    'the employees are no longer working in the organization',
    'While one of them resigned, the other three individuals were fired.'
  ]
};

MERGE (n:Claim {id: 'claim-000-company-commented'})
SET n += {
  name: '000: ByteDance condemned the spying publicly',
  kind: 'account',
  statement: 'The company commented: ByteDance, TikTok’s parent, condemned an “unfortunate initiative” in a statement to AFP, and its CEO’s email, seen by the press, said he was “deeply disappointed”.',
  value: 'commented (statement to AFP; CEO email)',
  commented: true,
  sources: ['article-000', 'article-000'],
  quotes: [
    'the parent company of TikTok condemned a “unfortunate initiative that seriously violated the company’s code of conduct“, in a statement to theAFP',
    'said to himself “deeply disappointed“by the behavior of the employees involved in this digital spinning'
  ]
};

MERGE (n:Claim {id: 'claim-004-no-comment'})
SET n += {
  name: '004: TikTok refused to comment',
  kind: 'account',
  statement: 'TikTok is staying hush on the matter and has refused to comment.',
  value: 'refused to comment',
  commented: false,
  sources: ['article-004'],
  quotes: ['For now, TikTok is staying hush on the matter and has refused to comment.']
};

MERGE (n:Claim {id: 'claim-000-new-york-times'})
SET n += {
  name: '000: the New York Times revealed it',
  kind: 'account',
  statement: 'The internal investigation was revealed by the New York Times.',
  value: 'New York Times',
  sources: ['article-000'],
  quotes: ['This is the result of an internal investigation conducted by ByteDance, the application’s parent company, and revealed by our colleagues at New York Times.']
};

MERGE (n:Claim {id: 'claim-004-financial-times'})
SET n += {
  name: '004: a Financial Times reporter told it',
  kind: 'account',
  statement: 'A reporter from the Financial Times reported that at least four audit-unit workers took users’ data, and in another report that they abused their authority to access TikTok user data.',
  value: 'Financial Times',
  sources: ['article-004', 'article-004'],
  quotes: [
    'A reporter from The Financial Times was seen speaking about how at least four different workers from the company’s internal audit unit',
    'Another report from the same journalist at The Financial Times'
  ]
};

MERGE (n:Claim {id: 'claim-000-motive'})
SET n += {
  name: '000: to identify the journalists’ sources',
  kind: 'account',
  statement: 'The employees tracked the journalists to identify their sources: to determine which employees had leaked to the press.',
  value: 'to identify the employees who leaked to the press',
  sources: ['article-000', 'article-000'],
  quotes: [
    'Several American journalists have been tracked by TikTok employees in order to identify their sources.',
    'in order to determine the identity of the employees of the application who snitched to the press'
  ]
};

MERGE (n:Claim {id: 'claim-004-motive'})
SET n += {
  name: '004: for their own personal gains',
  kind: 'account',
  statement: 'The workers wished to use the data for their own personal gains, in this case linked to an internal investigation related to leaks; the journalists were tracked because they published stories deemed critical by TikTok’s parent firm.',
  value: 'for their own personal gains (linked to an internal leak investigation); over critical stories',
  sources: ['article-004', 'article-004'],
  quotes: [
    'They wished to use such data for their own personal gains and in this case, it happens to be linked to an internal investigation related to leaks.',
    'tracking media personnel because they published stories that were deemed critical by TikTok’s parent firm'
  ]
};

// ===========================================================================================
// Disagreements
// ===========================================================================================

MERGE (n:Disagreement {id: 'disagreement-dismissals'})
SET n += {
  name: 'Who was fired or resigned, and how many',
  topic: 'dismissals',
  question: 'Who left the company over the tracking, and how: how many were fired, did anyone resign?',
  description: '000: four were fired — the head of audit and risk control and three other employees; no resignation is mentioned, and ByteDance is the one firing. 004: four workers no longer work in “the organization” — one resigned, three were fired. Both count four people, but not the same number of dismissals.',
  sources: ['article-000', 'article-004'],
  quotes: [
    'the company’s head of audit and risk control has been fired, along with three other employees involved in the case',
    'While one of them resigned, the other three individuals were fired.'
  ]
};

MERGE (n:Disagreement {id: 'disagreement-company-comment'})
SET n += {
  name: 'Did the company comment?',
  topic: 'company response',
  question: 'Did the company comment publicly on the tracking?',
  description: '000: yes — ByteDance, TikTok’s parent, condemned an “unfortunate initiative” in a statement to AFP (and its CEO’s email was seen by the press). 004: TikTok is staying hush and has refused to comment — though 004 also reports an internal email from “the firm’s CEO”. The accounts may differ partly in whom they mean (ByteDance vs TikTok), which neither text resolves.',
  sources: ['article-000', 'article-004'],
  quotes: [
    'the parent company of TikTok condemned a “unfortunate initiative that seriously violated the company’s code of conduct“, in a statement to theAFP',
    'For now, TikTok is staying hush on the matter and has refused to comment.'
  ]
};

MERGE (n:Disagreement {id: 'disagreement-story-source'})
SET n += {
  name: 'Which outlet broke the story',
  topic: 'source of the story',
  question: 'Which outlet revealed the tracking?',
  description: '000: the New York Times revealed ByteDance’s internal investigation. 004: a Financial Times reporter reported it (twice). Neither article mentions the other’s outlet as the source; 000 names the Financial Times only as an employer of targeted journalists.',
  sources: ['article-000', 'article-004'],
  quotes: [
    'revealed by our colleagues at New York Times',
    'A reporter from The Financial Times was seen speaking about how at least four different workers from the company’s internal audit unit'
  ]
};

MERGE (n:Disagreement {id: 'disagreement-motive'})
SET n += {
  name: 'Why the employees took the data',
  topic: 'motive',
  question: 'Why did the employees take the journalists’ data?',
  description: '000: to identify the journalists’ sources — the employees who leaked to the press — as part of an internal-surveillance investigation. 004: “for their own personal gains”, which in this case is linked to an internal investigation into leaks, and because the journalists published stories critical of TikTok’s parent. Both link it to a leak investigation; only 004 speaks of personal gain.',
  sources: ['article-000', 'article-004'],
  quotes: [
    'Several American journalists have been tracked by TikTok employees in order to identify their sources.',
    'They wished to use such data for their own personal gains'
  ]
};

// ===========================================================================================
// Relationships. Each MATCHes its two nodes by label and id and MERGEs on its own id.
// ===========================================================================================

// --- Articles: who published them, what they cite, what they are about ----------------------

MATCH (a:Outlet {id: 'publisher-000'}), (b:Article {id: 'article-000'})
MERGE (a)-[r:PUBLISHED {id: 'publisher-000-published-article-000'}]->(b)
SET r += {note: 'The text does not name its publisher; it speaks of the New York Times as “our colleagues”.', sources: ['article-000'], quotes: ['revealed by our colleagues at New York Times']};

MATCH (a:Outlet {id: 'digital-information-world'}), (b:Article {id: 'article-004'})
MERGE (a)-[r:PUBLISHED {id: 'digital-information-world-published-article-004'}]->(b)
SET r += {note: 'The publisher is named in seeds/README.md, not in the text, which speaks as “we”.', sources: ['article-004'], quotes: ['we saw TikTok mention']};

MATCH (a:Article {id: 'article-000'}), (b:Outlet {id: 'new-york-times'})
MERGE (a)-[r:CITES {id: 'article-000-cites-new-york-times'}]->(b)
SET r += {role: 'revealed the internal investigation', sources: ['article-000'], quotes: ['revealed by our colleagues at New York Times']};

MATCH (a:Article {id: 'article-000'}), (b:Outlet {id: 'afp'})
MERGE (a)-[r:CITES {id: 'article-000-cites-afp'}]->(b)
SET r += {role: 'received ByteDance’s statement', sources: ['article-000'], quotes: ['in a statement to theAFP']};

MATCH (a:Article {id: 'article-000'}), (b:Outlet {id: 'forbes'})
MERGE (a)-[r:CITES {id: 'article-000-cites-forbes'}]->(b)
SET r += {role: 'claims three of its editors were tracked', sources: ['article-000'], quotes: ['The magazine Forbes claims for its part']};

MATCH (a:Article {id: 'article-000'}), (b:Outlet {id: 'outlet-yard'})
MERGE (a)-[r:CITES {id: 'article-000-cites-outlet-yard'}]->(b)
SET r += {role: 'saw Rubo Liang’s email', sources: ['article-000'], quotes: ['In an email seen by our colleagues at yard']};

MATCH (a:Article {id: 'article-004'}), (b:Outlet {id: 'financial-times'})
MERGE (a)-[r:CITES {id: 'article-004-cites-financial-times'}]->(b)
SET r += {role: 'its reporter’s two reports and a statement', sources: ['article-004', 'article-004', 'article-004'], quotes: ['A reporter from The Financial Times', 'Another report from the same journalist at The Financial Times', 'As mentioned in a recent statement by the Financial Times']};

MATCH (a:Article {id: 'article-000'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:ABOUT {id: 'article-000-about-journalist-surveillance'}]->(b)
SET r += {sources: ['article-000'], quotes: ['TikTok employees stalked journalists to identify their sources']};

MATCH (a:Article {id: 'article-004'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:ABOUT {id: 'article-004-about-journalist-surveillance'}]->(b)
SET r += {sources: ['article-004'], quotes: ['TikTok Accused Of Tracking Journalists To Investigate Internal Leaks In The Company']};

// --- Ownership, roles and membership -------------------------------------------------------

MATCH (a:Organization {id: 'bytedance'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:OWNS {id: 'bytedance-owns-tiktok'}]->(b)
SET r += {sources: ['article-000', 'article-000', 'article-004'], quotes: ['ByteDance, the application’s parent company', 'the parent company of TikTok', 'The leading social media firm owned by Chinese parent company ByteDance']};

MATCH (a:Organization {id: 'bytedance'}), (b:Organization {id: 'china'})
MERGE (a)-[r:BASED_IN {id: 'bytedance-based-in-china'}]->(b)
SET r += {sources: ['article-004'], quotes: ['Chinese parent company ByteDance']};

MATCH (a:Person {id: 'rubo-liang'}), (b:Organization {id: 'bytedance'})
MERGE (a)-[r:CEO_OF {id: 'rubo-liang-ceo-of-bytedance'}]->(b)
SET r += {sources: ['article-000'], quotes: ['Rubo Liang, CEO of ByteDance']};

MATCH (a:Person {id: 'firms-ceo-004'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:CEO_OF {id: 'firms-ceo-004-ceo-of-tiktok'}]->(b)
SET r += {inferred: true, note: '004 says “the firm’s CEO”; throughout 004 “the firm” is TikTok.', sources: ['article-004'], quotes: ['the firm’s CEO']};

MATCH (a:Team {id: 'internal-audit-team'}), (b:Organization {id: 'bytedance'})
MERGE (a)-[r:PART_OF {id: 'internal-audit-team-part-of-bytedance'}]->(b)
SET r += {sources: ['article-000'], quotes: ['a team of ByteDance in charge of the surveillance of the internal personnel of the company']};

MATCH (a:Team {id: 'internal-audit-team'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:PART_OF {id: 'internal-audit-team-part-of-tiktok'}]->(b)
SET r += {note: '000 also calls it “a team of ByteDance”; in 004 “the company” is TikTok, the leading social media firm of the previous sentence.', sources: ['article-000', 'article-004'], quotes: ['the TikTok team', 'the company’s internal audit unit']};

MATCH (a:Team {id: 'tiktok-management'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:PART_OF {id: 'tiktok-management-part-of-tiktok'}]->(b)
SET r += {sources: ['article-000'], quotes: ['the management of the social network']};

MATCH (a:Team {id: 'trust-and-safety-team'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:PART_OF {id: 'trust-and-safety-team-part-of-tiktok'}]->(b)
SET r += {sources: ['article-004'], quotes: ['its data security trust and safety team']};

MATCH (a:Person {id: 'head-of-audit'}), (b:Team {id: 'internal-audit-team'})
MERGE (a)-[r:HEAD_OF {id: 'head-of-audit-head-of-internal-audit-team'}]->(b)
SET r += {inferred: true, note: 'From the title “head of audit and risk control”; 004 calls the team the “internal audit unit”.', sources: ['article-000'], quotes: ['the company’s head of audit and risk control']};

MATCH (a:Person {id: 'head-of-audit'}), (b:Person {id: 'involved-employees'})
MERGE (a)-[r:PART_OF {id: 'head-of-audit-part-of-involved-employees'}]->(b)
SET r += {inferred: true, note: '“along with three other employees involved” implies the head was involved too.', sources: ['article-000'], quotes: ['has been fired, along with three other employees involved in the case']};

MATCH (a:Person {id: 'three-other-employees'}), (b:Person {id: 'involved-employees'})
MERGE (a)-[r:PART_OF {id: 'three-other-employees-part-of-involved-employees'}]->(b)
SET r += {sources: ['article-000'], quotes: ['three other employees involved in the case']};

MATCH (a:Person {id: 'involved-employees'}), (b:Team {id: 'internal-audit-team'})
MERGE (a)-[r:MEMBER_OF {id: 'involved-employees-member-of-internal-audit-team'}]->(b)
SET r += {sources: ['article-000'], quotes: ['several employees of a team of ByteDance in charge of the surveillance of the internal personnel of the company']};

MATCH (a:Person {id: 'involved-employees'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:WORKS_FOR {id: 'involved-employees-works-for-tiktok'}]->(b)
SET r += {sources: ['article-000', 'article-000'], quotes: ['TikTok employees stalked journalists', 'tracked by TikTok employees']};

MATCH (a:Person {id: 'audit-workers'}), (b:Team {id: 'internal-audit-team'})
MERGE (a)-[r:MEMBER_OF {id: 'audit-workers-member-of-internal-audit-team'}]->(b)
SET r += {ended: true, sources: ['article-004', 'article-004', 'article-004'], quotes: ['at least four different workers from the company’s internal audit unit', 'the team members', 'the employees are no longer working in the organization']};

MATCH (a:Person {id: 'audit-workers'}), (b:Organization {id: 'united-states'})
MERGE (a)-[r:COMES_FROM {id: 'audit-workers-comes-from-united-states'}]->(b)
SET r += {sources: ['article-004'], quotes: ['hailing from both the US and China']};

MATCH (a:Person {id: 'audit-workers'}), (b:Organization {id: 'china'})
MERGE (a)-[r:COMES_FROM {id: 'audit-workers-comes-from-china'}]->(b)
SET r += {sources: ['article-004'], quotes: ['hailing from both the US and China']};

MATCH (a:Person {id: 'resigned-worker'}), (b:Person {id: 'audit-workers'})
MERGE (a)-[r:PART_OF {id: 'resigned-worker-part-of-audit-workers'}]->(b)
SET r += {sources: ['article-004'], quotes: ['While one of them resigned']};

MATCH (a:Person {id: 'three-fired-workers'}), (b:Person {id: 'audit-workers'})
MERGE (a)-[r:PART_OF {id: 'three-fired-workers-part-of-audit-workers'}]->(b)
SET r += {sources: ['article-004'], quotes: ['the other three individuals were fired']};

MATCH (a:Person {id: 'suspected-leakers'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:WORKS_FOR {id: 'suspected-leakers-works-for-tiktok'}]->(b)
SET r += {sources: ['article-000'], quotes: ['the employees of the application who snitched to the press']};

MATCH (a:Person {id: 'buzzfeed-ft-journalists'}), (b:Outlet {id: 'buzzfeed'})
MERGE (a)-[r:WORKS_FOR {id: 'buzzfeed-ft-journalists-works-for-buzzfeed'}]->(b)
SET r += {sources: ['article-000'], quotes: ['at least two journalists from BuzzFeed and the FinancialTimes']};

MATCH (a:Person {id: 'buzzfeed-ft-journalists'}), (b:Outlet {id: 'financial-times'})
MERGE (a)-[r:WORKS_FOR {id: 'buzzfeed-ft-journalists-works-for-financial-times'}]->(b)
SET r += {sources: ['article-000'], quotes: ['at least two journalists from BuzzFeed and the FinancialTimes']};

MATCH (a:Person {id: 'forbes-editors'}), (b:Outlet {id: 'forbes'})
MERGE (a)-[r:WORKS_FOR {id: 'forbes-editors-works-for-forbes'}]->(b)
SET r += {role: 'editors', sources: ['article-000'], quotes: ['three of its editors']};

MATCH (a:Person {id: 'ft-reporter'}), (b:Outlet {id: 'financial-times'})
MERGE (a)-[r:WORKS_FOR {id: 'ft-reporter-works-for-financial-times'}]->(b)
SET r += {role: 'reporter', sources: ['article-004', 'article-004'], quotes: ['A reporter from The Financial Times', 'the same journalist at The Financial Times']};

MATCH (a:Person {id: 'buzzfeed-ft-journalists'}), (b:Person {id: 'tracked-journalists'})
MERGE (a)-[r:PART_OF {id: 'buzzfeed-ft-journalists-part-of-tracked-journalists'}]->(b)
SET r += {sources: ['article-000'], quotes: ['In detail, the internal investigation commissioned by ByteDance into these cases of spying on an outside law firm revealed that at least two journalists from BuzzFeed and the FinancialTimes had been targeted.']};

MATCH (a:Person {id: 'forbes-editors'}), (b:Person {id: 'tracked-journalists'})
MERGE (a)-[r:PART_OF {id: 'forbes-editors-part-of-tracked-journalists'}]->(b)
SET r += {claimedBy: 'forbes', note: 'Forbes’ claim, not a finding of the internal investigation.', sources: ['article-000'], quotes: ['three of its editors have also been tracked']};

// --- The tracking --------------------------------------------------------------------------

MATCH (a:Person {id: 'involved-employees'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:CARRIED_OUT {id: 'involved-employees-carried-out-journalist-surveillance'}]->(b)
SET r += {sources: ['article-000', 'article-000'], quotes: ['Spying organized by employees.', 'several employees of a team of ByteDance in charge of the surveillance of the internal personnel of the company carried out the investigation']};

MATCH (a:Person {id: 'audit-workers'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:CARRIED_OUT {id: 'audit-workers-carried-out-journalist-surveillance'}]->(b)
SET r += {sources: ['article-004', 'article-004'], quotes: ['ended up taking data of users without them being aware', 'in this case, it happens to be linked to an internal investigation related to leaks']};

MATCH (a:Person {id: 'involved-employees'}), (b:Person {id: 'tracked-journalists'})
MERGE (a)-[r:TRACKED {id: 'involved-employees-tracked-tracked-journalists'}]->(b)
SET r += {purpose: 'to identify their sources', sources: ['article-000', 'article-000'], quotes: ['TikTok employees stalked journalists to identify their sources', 'Several American journalists have been tracked by TikTok employees in order to identify their sources.']};

MATCH (a:Person {id: 'audit-workers'}), (b:Person {id: 'tracked-journalists'})
MERGE (a)-[r:TRACKED {id: 'audit-workers-tracked-tracked-journalists'}]->(b)
SET r += {reason: 'they published stories that were deemed critical by TikTok’s parent firm', sources: ['article-004'], quotes: ['tracking media personnel because they published stories that were deemed critical by TikTok’s parent firm']};

MATCH (a:Organization {id: 'tiktok'}), (b:Person {id: 'tracked-journalists'})
MERGE (a)-[r:TRACKED {id: 'tiktok-tracked-tracked-journalists'}]->(b)
SET r += {accused: true, note: 'An accusation against the company, as the headlines put it.', sources: ['article-000', 'article-004', 'article-004'], quotes: ['TikTok employees stalked journalists to identify their sources', 'TikTok Accused Of Tracking Journalists', 'is now being accused of tracking journalists']};

MATCH (a:Team {id: 'internal-audit-team'}), (b:Person {id: 'buzzfeed-ft-journalists'})
MERGE (a)-[r:TRACKED {id: 'internal-audit-team-tracked-buzzfeed-ft-journalists'}]->(b)
SET r += {foundBy: 'internal-investigation', sources: ['article-000'], quotes: ['revealed that at least two journalists from BuzzFeed and the FinancialTimes had been targeted']};

MATCH (a:Team {id: 'internal-audit-team'}), (b:Person {id: 'forbes-editors'})
MERGE (a)-[r:TRACKED {id: 'internal-audit-team-tracked-forbes-editors'}]->(b)
SET r += {claimedBy: 'forbes', note: 'Forbes’ claim; the internal investigation’s finding names BuzzFeed and the Financial Times.', sources: ['article-000'], quotes: ['The magazine Forbes claims for its part that three of its editors have also been tracked.']};

MATCH (a:Event {id: 'journalist-surveillance'}), (b:Person {id: 'tracked-journalists'})
MERGE (a)-[r:TARGETED {id: 'journalist-surveillance-targeted-tracked-journalists'}]->(b)
SET r += {sources: ['article-000', 'article-004'], quotes: ['Several American journalists have been tracked by TikTok employees', 'Tracking Journalists To Investigate Internal Leaks']};

MATCH (a:Event {id: 'journalist-surveillance'}), (b:Person {id: 'suspected-leakers'})
MERGE (a)-[r:AIMED_AT {id: 'journalist-surveillance-aimed-at-suspected-leakers'}]->(b)
SET r += {purpose: 'to determine the identity of the employees who leaked to the press', disputed: true, disagreement: 'disagreement-motive', sources: ['article-000', 'article-004'], quotes: ['in order to determine the identity of the employees of the application who snitched to the press', 'To Investigate Internal Leaks In The Company']};

MATCH (a:Person {id: 'suspected-leakers'}), (b:Person {id: 'tracked-journalists'})
MERGE (a)-[r:SUSPECTED_OF_LEAKING_TO {id: 'suspected-leakers-suspected-of-leaking-to-tracked-journalists'}]->(b)
SET r += {sources: ['article-000', 'article-000'], quotes: ['in order to identify their sources', 'the employees suspected of leaking information to the media']};

MATCH (a:Team {id: 'internal-audit-team'}), (b:Data {id: 'journalists-personal-information'})
MERGE (a)-[r:ACCESSED {id: 'internal-audit-team-accessed-journalists-personal-information'}]->(b)
SET r += {sources: ['article-000'], quotes: ['As part of the investigation, the TikTok team accessed the personal information of several American journalists who followed the news related to the social network on behalf of their newspaper.']};

MATCH (a:Team {id: 'internal-audit-team'}), (b:Data {id: 'ip-addresses'})
MERGE (a)-[r:COLLECTED {id: 'internal-audit-team-collected-ip-addresses'}]->(b)
SET r += {purpose: 'to try to determine whether the journalists were in the same geographical area as the employees suspected of leaking', note: '000 puts it in the passive (“IP addresses were collected”), continuing the sentence on the TikTok team’s access.', sources: ['article-000', 'article-000'], quotes: ['Collected IP addresses', 'In particular, IP addresses were collected']};

MATCH (a:Data {id: 'ip-addresses'}), (b:Data {id: 'journalists-personal-information'})
MERGE (a)-[r:PART_OF {id: 'ip-addresses-part-of-journalists-personal-information'}]->(b)
SET r += {sources: ['article-000'], quotes: ['In particular, IP addresses were collected']};

MATCH (a:Data {id: 'journalists-personal-information'}), (b:Person {id: 'tracked-journalists'})
MERGE (a)-[r:BELONGS_TO {id: 'journalists-personal-information-belongs-to-tracked-journalists'}]->(b)
SET r += {sources: ['article-000'], quotes: ['the personal information of several American journalists']};

MATCH (a:Data {id: 'ip-addresses'}), (b:Person {id: 'tracked-journalists'})
MERGE (a)-[r:BELONGS_TO {id: 'ip-addresses-belongs-to-tracked-journalists'}]->(b)
SET r += {sources: ['article-000'], quotes: ['IP addresses were collected to try to determine whether the journalists were in the same geographical area']};

MATCH (a:Person {id: 'audit-workers'}), (b:Data {id: 'tiktok-user-data'})
MERGE (a)-[r:TOOK {id: 'audit-workers-took-tiktok-user-data'}]->(b)
SET r += {purpose: 'for their own personal gains', disputed: true, disagreement: 'disagreement-motive', sources: ['article-004', 'article-004'], quotes: ['ended up taking data of users without them being aware', 'They wished to use such data for their own personal gains']};

MATCH (a:Person {id: 'audit-workers'}), (b:Data {id: 'tiktok-user-data'})
MERGE (a)-[r:ACCESSED {id: 'audit-workers-accessed-tiktok-user-data'}]->(b)
SET r += {means: 'used their authority for the wrong reasons', sources: ['article-004'], quotes: ['the team members used their authority for the wrong reasons so they could gain access to user data on TikTok']};

MATCH (a:Data {id: 'tiktok-user-data'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:HELD_BY {id: 'tiktok-user-data-held-by-tiktok'}]->(b)
SET r += {sources: ['article-004'], quotes: ['user data on TikTok']};

// --- The investigation and its consequences ------------------------------------------------

MATCH (a:Organization {id: 'bytedance'}), (b:Event {id: 'internal-investigation'})
MERGE (a)-[r:CONDUCTED {id: 'bytedance-conducted-internal-investigation'}]->(b)
SET r += {sources: ['article-000'], quotes: ['an internal investigation conducted by ByteDance']};

MATCH (a:Organization {id: 'bytedance'}), (b:Event {id: 'internal-investigation'})
MERGE (a)-[r:COMMISSIONED {id: 'bytedance-commissioned-internal-investigation'}]->(b)
SET r += {sources: ['article-000'], quotes: ['the internal investigation commissioned by ByteDance']};

MATCH (a:Organization {id: 'outside-law-firm'}), (b:Event {id: 'internal-investigation'})
MERGE (a)-[r:CONDUCTED {id: 'outside-law-firm-conducted-internal-investigation'}]->(b)
SET r += {note: 'The translation reads “commissioned by ByteDance … on an outside law firm”: the firm was entrusted with it.', sources: ['article-000'], quotes: ['the internal investigation commissioned by ByteDance into these cases of spying on an outside law firm']};

MATCH (a:Organization {id: 'bytedance'}), (b:Event {id: 'internal-investigation'})
MERGE (a)-[r:OPENED {id: 'bytedance-opened-internal-investigation'}]->(b)
SET r += {sources: ['article-000'], quotes: ['An investigation opened by ByteDance']};

MATCH (a:Team {id: 'tiktok-management'}), (b:Event {id: 'internal-investigation'})
MERGE (a)-[r:OPENED {id: 'tiktok-management-opened-internal-investigation'}]->(b)
SET r += {dateText: 'last October', sources: ['article-000'], quotes: ['The investigations were opened by the management of the social network last October']};

MATCH (a:Event {id: 'internal-investigation'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:INVESTIGATED {id: 'internal-investigation-investigated-journalist-surveillance'}]->(b)
SET r += {sources: ['article-000', 'article-000'], quotes: ['This is the result of an internal investigation', 'the internal investigation commissioned by ByteDance into these cases of spying']};

MATCH (a:Event {id: 'internal-investigation'}), (b:Event {id: 'forbes-location-story'})
MERGE (a)-[r:FOLLOWED {id: 'internal-investigation-followed-forbes-location-story'}]->(b)
SET r += {sources: ['article-000'], quotes: ['The investigations were opened by the management of the social network last October, after the publication by Forbes']};

MATCH (a:Outlet {id: 'forbes'}), (b:Event {id: 'forbes-location-story'})
MERGE (a)-[r:PUBLISHED {id: 'forbes-published-forbes-location-story'}]->(b)
SET r += {sources: ['article-000'], quotes: ['the publication by Forbes of an investigation into the management of location data of certain American citizens']};

MATCH (a:Event {id: 'forbes-location-story'}), (b:Data {id: 'location-data'})
MERGE (a)-[r:ABOUT {id: 'forbes-location-story-about-location-data'}]->(b)
SET r += {sources: ['article-000'], quotes: ['an investigation into the management of location data of certain American citizens']};

MATCH (a:Event {id: 'dismissals'}), (b:Event {id: 'internal-investigation'})
MERGE (a)-[r:PART_OF {id: 'dismissals-part-of-internal-investigation'}]->(b)
SET r += {sources: ['article-000'], quotes: ['As part of ByteDance’s internal investigation']};

MATCH (a:Organization {id: 'bytedance'}), (b:Person {id: 'head-of-audit'})
MERGE (a)-[r:FIRED {id: 'bytedance-fired-head-of-audit'}]->(b)
SET r += {disputed: true, disagreement: 'disagreement-dismissals', sources: ['article-000'], quotes: ['As part of ByteDance’s internal investigation, the company’s head of audit and risk control has been fired']};

MATCH (a:Organization {id: 'bytedance'}), (b:Person {id: 'three-other-employees'})
MERGE (a)-[r:FIRED {id: 'bytedance-fired-three-other-employees'}]->(b)
SET r += {disputed: true, disagreement: 'disagreement-dismissals', sources: ['article-000'], quotes: ['has been fired, along with three other employees involved in the case']};

MATCH (a:Organization {id: 'tiktok'}), (b:Person {id: 'three-fired-workers'})
MERGE (a)-[r:FIRED {id: 'tiktok-fired-three-fired-workers'}]->(b)
SET r += {disputed: true, disagreement: 'disagreement-dismissals', note: '004 does not say who fired them; “the organization” they no longer work in is, in 004’s framing, TikTok.', sources: ['article-004', 'article-004'], quotes: ['the other three individuals were fired', 'the employees are no longer working in the organization']};

MATCH (a:Person {id: 'resigned-worker'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:RESIGNED {id: 'resigned-worker-resigned-tiktok'}]->(b)
SET r += {disputed: true, disagreement: 'disagreement-dismissals', note: '“the organization” is, in 004’s framing, TikTok.', sources: ['article-004', 'article-004'], quotes: ['While one of them resigned', 'the employees are no longer working in the organization']};

MATCH (a:Event {id: 'dismissals'}), (b:Person {id: 'head-of-audit'})
MERGE (a)-[r:AFFECTED {id: 'dismissals-affected-head-of-audit'}]->(b)
SET r += {sources: ['article-000'], quotes: ['the company’s head of audit and risk control has been fired']};

MATCH (a:Event {id: 'dismissals'}), (b:Person {id: 'three-other-employees'})
MERGE (a)-[r:AFFECTED {id: 'dismissals-affected-three-other-employees'}]->(b)
SET r += {sources: ['article-000'], quotes: ['along with three other employees involved in the case']};

MATCH (a:Event {id: 'dismissals'}), (b:Person {id: 'audit-workers'})
MERGE (a)-[r:AFFECTED {id: 'dismissals-affected-audit-workers'}]->(b)
SET r += {sources: ['article-004'], quotes: ['the employees are no longer working in the organization']};

MATCH (a:Event {id: 'audit-team-restructuring'}), (b:Team {id: 'internal-audit-team'})
MERGE (a)-[r:AFFECTED {id: 'audit-team-restructuring-affected-internal-audit-team'}]->(b)
SET r += {sources: ['article-000'], quotes: ['The team has been restructured']};

// --- Reporting the story -------------------------------------------------------------------

MATCH (a:Outlet {id: 'new-york-times'}), (b:Event {id: 'internal-investigation'})
MERGE (a)-[r:REPORTED {id: 'new-york-times-reported-internal-investigation'}]->(b)
SET r += {disputed: true, disagreement: 'disagreement-story-source', sources: ['article-000'], quotes: ['revealed by our colleagues at New York Times']};

MATCH (a:Person {id: 'ft-reporter'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:REPORTED {id: 'ft-reporter-reported-journalist-surveillance'}]->(b)
SET r += {report: 'first', disputed: true, disagreement: 'disagreement-story-source', sources: ['article-004'], quotes: ['A reporter from The Financial Times was seen speaking about how at least four different workers from the company’s internal audit unit, hailing from both the US and China, ended up taking data of users without them being aware.']};

MATCH (a:Person {id: 'ft-reporter'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:REPORTED {id: 'ft-reporter-reported-journalist-surveillance-again'}]->(b)
SET r += {report: 'another', sources: ['article-004'], quotes: ['Another report from the same journalist at The Financial Times spoke about how the team members used their authority for the wrong reasons so they could gain access to user data on TikTok.']};

// --- Statements, emails and responses ------------------------------------------------------

MATCH (a:Person {id: 'rubo-liang'}), (b:Event {id: 'liang-email'})
MERGE (a)-[r:SENT {id: 'rubo-liang-sent-liang-email'}]->(b)
SET r += {sources: ['article-000'], quotes: ['In an email seen by our colleagues at yardRubo Liang, CEO of ByteDance, said']};

MATCH (a:Outlet {id: 'outlet-yard'}), (b:Event {id: 'liang-email'})
MERGE (a)-[r:SAW {id: 'outlet-yard-saw-liang-email'}]->(b)
SET r += {sources: ['article-000'], quotes: ['In an email seen by our colleagues at yard']};

MATCH (a:Person {id: 'rubo-liang'}), (b:Claim {id: 'claim-liang-deeply-disappointed'})
MERGE (a)-[r:STATED {id: 'rubo-liang-stated-claim-liang-deeply-disappointed'}]->(b)
SET r += {sources: ['article-000'], quotes: ['Rubo Liang, CEO of ByteDance, said to himself “deeply disappointed“by the behavior of the employees involved in this digital spinning.']};

MATCH (a:Person {id: 'rubo-liang'}), (b:Claim {id: 'claim-liang-public-trust'})
MERGE (a)-[r:STATED {id: 'rubo-liang-stated-claim-liang-public-trust'}]->(b)
SET r += {sources: ['article-000'], quotes: ['”The public trust, which we have worked so hard to build, will be significantly undermined by the misbehaviour of a few individuals.“, he added.']};

MATCH (a:Claim {id: 'claim-liang-deeply-disappointed'}), (b:Event {id: 'liang-email'})
MERGE (a)-[r:PART_OF {id: 'claim-liang-deeply-disappointed-part-of-liang-email'}]->(b)
SET r += {sources: ['article-000'], quotes: ['In an email seen by our colleagues at yardRubo Liang, CEO of ByteDance, said to himself “deeply disappointed“']};

MATCH (a:Claim {id: 'claim-liang-public-trust'}), (b:Event {id: 'liang-email'})
MERGE (a)-[r:PART_OF {id: 'claim-liang-public-trust-part-of-liang-email'}]->(b)
SET r += {sources: ['article-000'], quotes: ['he added']};

MATCH (a:Claim {id: 'claim-liang-deeply-disappointed'}), (b:Person {id: 'involved-employees'})
MERGE (a)-[r:ABOUT {id: 'claim-liang-deeply-disappointed-about-involved-employees'}]->(b)
SET r += {sources: ['article-000'], quotes: ['the behavior of the employees involved in this digital spinning']};

MATCH (a:Claim {id: 'claim-liang-public-trust'}), (b:Person {id: 'involved-employees'})
MERGE (a)-[r:ABOUT {id: 'claim-liang-public-trust-about-involved-employees'}]->(b)
SET r += {sources: ['article-000'], quotes: ['the misbehaviour of a few individuals']};

MATCH (a:Organization {id: 'bytedance'}), (b:Claim {id: 'claim-bytedance-condemnation'})
MERGE (a)-[r:STATED {id: 'bytedance-stated-claim-bytedance-condemnation'}]->(b)
SET r += {disputed: true, disagreement: 'disagreement-company-comment', sources: ['article-000'], quotes: ['For its part, the parent company of TikTok condemned a “unfortunate initiative that seriously violated the company’s code of conduct“, in a statement to theAFP.']};

MATCH (a:Claim {id: 'claim-bytedance-condemnation'}), (b:Outlet {id: 'afp'})
MERGE (a)-[r:MADE_TO {id: 'claim-bytedance-condemnation-made-to-afp'}]->(b)
SET r += {disputed: true, disagreement: 'disagreement-company-comment', sources: ['article-000'], quotes: ['in a statement to theAFP']};

MATCH (a:Claim {id: 'claim-bytedance-condemnation'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:ABOUT {id: 'claim-bytedance-condemnation-about-journalist-surveillance'}]->(b)
SET r += {sources: ['article-000'], quotes: ['condemned a “unfortunate initiative that seriously violated the company’s code of conduct“']};

MATCH (a:Organization {id: 'bytedance'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:CONDEMNED {id: 'bytedance-condemned-journalist-surveillance'}]->(b)
SET r += {wording: 'unfortunate initiative that seriously violated the company’s code of conduct', disputed: true, disagreement: 'disagreement-company-comment', sources: ['article-000'], quotes: ['the parent company of TikTok condemned a “unfortunate initiative that seriously violated the company’s code of conduct“']};

MATCH (a:Organization {id: 'tiktok'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:REFUSED_TO_COMMENT {id: 'tiktok-refused-to-comment-journalist-surveillance'}]->(b)
SET r += {disputed: true, disagreement: 'disagreement-company-comment', sources: ['article-004'], quotes: ['For now, TikTok is staying hush on the matter and has refused to comment.']};

MATCH (a:Person {id: 'firms-ceo-004'}), (b:Event {id: 'ceo-email-004'})
MERGE (a)-[r:SENT {id: 'firms-ceo-004-sent-ceo-email-004'}]->(b)
SET r += {sources: ['article-004'], quotes: ['the firm’s CEO did release a separate email']};

MATCH (a:Person {id: 'firms-ceo-004'}), (b:Claim {id: 'claim-ceo-email-004'})
MERGE (a)-[r:STATED {id: 'firms-ceo-004-stated-claim-ceo-email-004'}]->(b)
SET r += {sources: ['article-004'], quotes: ['It’s interesting how the firm’s CEO did release a separate email delineating how the firm was requested for some to reflect on their actions and how they can stop such incidents from arising in the first place.']};

MATCH (a:Claim {id: 'claim-ceo-email-004'}), (b:Event {id: 'ceo-email-004'})
MERGE (a)-[r:PART_OF {id: 'claim-ceo-email-004-part-of-ceo-email-004'}]->(b)
SET r += {sources: ['article-004'], quotes: ['a separate email delineating how the firm was requested for some to reflect on their actions']};

MATCH (a:Claim {id: 'claim-ceo-email-004'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:ABOUT {id: 'claim-ceo-email-004-about-journalist-surveillance'}]->(b)
SET r += {sources: ['article-004'], quotes: ['how they can stop such incidents from arising in the first place']};

MATCH (a:Outlet {id: 'forbes'}), (b:Claim {id: 'claim-forbes-editors-tracked'})
MERGE (a)-[r:STATED {id: 'forbes-stated-claim-forbes-editors-tracked'}]->(b)
SET r += {sources: ['article-000'], quotes: ['The magazine Forbes claims for its part that three of its editors have also been tracked.']};

MATCH (a:Claim {id: 'claim-forbes-editors-tracked'}), (b:Person {id: 'forbes-editors'})
MERGE (a)-[r:ABOUT {id: 'claim-forbes-editors-tracked-about-forbes-editors'}]->(b)
SET r += {sources: ['article-000'], quotes: ['three of its editors have also been tracked']};

MATCH (a:Outlet {id: 'financial-times'}), (b:Claim {id: 'claim-ft-spying-crime'})
MERGE (a)-[r:STATED {id: 'financial-times-stated-claim-ft-spying-crime'}]->(b)
SET r += {sources: ['article-004'], quotes: ['As mentioned in a recent statement by the Financial Times']};

MATCH (a:Claim {id: 'claim-ft-spying-crime'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:ABOUT {id: 'claim-ft-spying-crime-about-journalist-surveillance'}]->(b)
SET r += {sources: ['article-004'], quotes: ['the act or crime of spying is a huge criminal offense']};

MATCH (a:Event {id: 'new-investigation'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:ABOUT {id: 'new-investigation-about-journalist-surveillance'}]->(b)
SET r += {sources: ['article-004'], quotes: ['a new investigation regarding the matter will begin']};

MATCH (a:Event {id: 'new-investigation'}), (b:Outlet {id: 'financial-times'})
MERGE (a)-[r:INVOLVED {id: 'new-investigation-involved-financial-times'}]->(b)
SET r += {role: 'the media outlet that will give a final judgment after the investigation', inferred: true, note: '“the media outlet” is read as the Financial Times, the outlet of the previous sentence.', sources: ['article-004', 'article-004'], quotes: ['As mentioned in a recent statement by the Financial Times', 'before the media outlet gives out a final judgment on the matter']};

// --- The US context --------------------------------------------------------------------------

MATCH (a:Event {id: 'us-scrutiny'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:AFFECTED {id: 'us-scrutiny-affected-tiktok'}]->(b)
SET r += {sources: ['article-000', 'article-000'], quotes: ['TikTok under fire from critics', 'For several months, TikTok has been making headlines across the Atlantic.']};

MATCH (a:Event {id: 'us-scrutiny'}), (b:Organization {id: 'united-states'})
MERGE (a)-[r:TOOK_PLACE_IN {id: 'us-scrutiny-took-place-in-united-states'}]->(b)
SET r += {note: '“across the Atlantic”, from the French report’s point of view.', sources: ['article-000'], quotes: ['making headlines across the Atlantic']};

MATCH (a:Organization {id: 'us-states'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:BANNED {id: 'us-states-banned-tiktok'}]->(b)
SET r += {scope: 'installation of the app on their employees’ phones', sources: ['article-000'], quotes: ['Several US states have banned the installation of the app on their employees’ phones.']};

MATCH (a:Organization {id: 'us-states'}), (b:Event {id: 'state-bans'})
MERGE (a)-[r:ENACTED {id: 'us-states-enacted-state-bans'}]->(b)
SET r += {sources: ['article-000'], quotes: ['Several US states have banned the installation of the app']};

MATCH (a:Event {id: 'state-bans'}), (b:Event {id: 'us-scrutiny'})
MERGE (a)-[r:PART_OF {id: 'state-bans-part-of-us-scrutiny'}]->(b)
SET r += {note: 'Given by 000 as an instance of TikTok making headlines in the US.', sources: ['article-000', 'article-000'], quotes: ['TikTok has been making headlines across the Atlantic', 'Several US states have banned the installation of the app']};

MATCH (a:Organization {id: 'us-states'}), (b:Organization {id: 'united-states'})
MERGE (a)-[r:PART_OF {id: 'us-states-part-of-united-states'}]->(b)
SET r += {sources: ['article-000'], quotes: ['Several US states']};

MATCH (a:Organization {id: 'us-government'}), (b:Organization {id: 'united-states'})
MERGE (a)-[r:GOVERNS {id: 'us-government-governs-united-states'}]->(b)
SET r += {sources: ['article-000', 'article-000'], quotes: ['The country’s authorities', 'the US government']};

MATCH (a:Organization {id: 'us-government'}), (b:Data {id: 'us-citizens-data'})
MERGE (a)-[r:CONCERNED_ABOUT {id: 'us-government-concerned-about-us-citizens-data'}]->(b)
SET r += {concern: 'could be exported to China and used for espionage purposes', sources: ['article-000'], quotes: ['The country’s authorities are also concerned that the data of US citizens could be exported to China and used for espionage purposes.']};

MATCH (a:Data {id: 'us-citizens-data'}), (b:Organization {id: 'china'})
MERGE (a)-[r:COULD_BE_EXPORTED_TO {id: 'us-citizens-data-could-be-exported-to-china'}]->(b)
SET r += {feared: true, use: 'espionage', sources: ['article-000'], quotes: ['could be exported to China and used for espionage purposes']};

MATCH (a:Event {id: 'us-scrutiny'}), (b:Organization {id: 'us-government'})
MERGE (a)-[r:INVOLVED {id: 'us-scrutiny-involved-us-government'}]->(b)
SET r += {role: 'concerned authorities', sources: ['article-000'], quotes: ['The country’s authorities are also concerned']};

MATCH (a:Organization {id: 'bytedance'}), (b:Organization {id: 'us-government'})
MERGE (a)-[r:NEGOTIATING_WITH {id: 'bytedance-negotiating-with-us-government'}]->(b)
SET r += {subject: 'an agreement', sources: ['article-000'], quotes: ['An agreement between ByteDance and the US government is being negotiated']};

MATCH (a:Event {id: 'us-negotiations'}), (b:Organization {id: 'bytedance'})
MERGE (a)-[r:INVOLVED {id: 'us-negotiations-involved-bytedance'}]->(b)
SET r += {role: 'party', sources: ['article-000'], quotes: ['An agreement between ByteDance and the US government']};

MATCH (a:Event {id: 'us-negotiations'}), (b:Organization {id: 'us-government'})
MERGE (a)-[r:INVOLVED {id: 'us-negotiations-involved-us-government'}]->(b)
SET r += {role: 'party', sources: ['article-000'], quotes: ['An agreement between ByteDance and the US government']};

MATCH (a:Event {id: 'journalist-surveillance'}), (b:Event {id: 'us-negotiations'})
MERGE (a)-[r:THREATENS {id: 'journalist-surveillance-threatens-us-negotiations'}]->(b)
SET r += {speculative: true, sources: ['article-000'], quotes: ['the revelation of this organized surveillance could put a stop to the talks']};

// --- Regulators, allegations and TikTok's trust and safety response ---------------------------

MATCH (a:Organization {id: 'regulators'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:ACCUSED {id: 'regulators-accused-tiktok'}]->(b)
SET r += {sources: ['article-004', 'article-004'], quotes: ['the allegations labeled against it by various regulators out there', 'the firm is already accused of tracking behavior']};

MATCH (a:Organization {id: 'regulators'}), (b:Claim {id: 'claim-regulators-allegations'})
MERGE (a)-[r:STATED {id: 'regulators-stated-claim-regulators-allegations'}]->(b)
SET r += {sources: ['article-004'], quotes: ['the allegations labeled against it by various regulators out there']};

MATCH (a:Claim {id: 'claim-regulators-allegations'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:ABOUT {id: 'claim-regulators-allegations-about-tiktok'}]->(b)
SET r += {sources: ['article-004'], quotes: ['the allegations labeled against it']};

MATCH (a:Claim {id: 'claim-regulators-allegations'}), (b:Data {id: 'tiktok-user-data'})
MERGE (a)-[r:ABOUT {id: 'claim-regulators-allegations-about-tiktok-user-data'}]->(b)
SET r += {sources: ['article-004'], quotes: ['interfering with users’ data']};

MATCH (a:Claim {id: 'claim-regulators-allegations'}), (b:Organization {id: 'china'})
MERGE (a)-[r:ABOUT {id: 'claim-regulators-allegations-about-china'}]->(b)
SET r += {sources: ['article-004'], quotes: ['providing details to officials in China']};

MATCH (a:Organization {id: 'tiktok'}), (b:Claim {id: 'claim-regulators-allegations'})
MERGE (a)-[r:DENIED {id: 'tiktok-denied-claim-regulators-allegations'}]->(b)
SET r += {sources: ['article-004'], quotes: ['providing details to officials in China, which it blatantly denied']};

MATCH (a:Event {id: 'us-scrutiny'}), (b:Organization {id: 'regulators'})
MERGE (a)-[r:INVOLVED {id: 'us-scrutiny-involved-regulators'}]->(b)
SET r += {role: 'regulators who already accuse the firm and may keep an even closer eye on it', sources: ['article-004'], quotes: ['It looks like regulators may be keeping an even closer eye on the app now after this report because the firm is already accused of tracking behavior.']};

MATCH (a:Organization {id: 'tiktok'}), (b:Team {id: 'trust-and-safety-team'})
MERGE (a)-[r:CREATED {id: 'tiktok-created-trust-and-safety-team'}]->(b)
SET r += {dateText: 'in June of this year', sources: ['article-004'], quotes: ['in June of this year, the firm was seen creating a team for trust and safety']};

MATCH (a:Event {id: 'trust-safety-team-creation'}), (b:Team {id: 'trust-and-safety-team'})
MERGE (a)-[r:AFFECTED {id: 'trust-safety-team-creation-affected-trust-and-safety-team'}]->(b)
SET r += {role: 'created', sources: ['article-004'], quotes: ['creating a team for trust and safety']};

MATCH (a:Event {id: 'trust-safety-team-creation'}), (b:Claim {id: 'claim-regulators-allegations'})
MERGE (a)-[r:RESPONDS_TO {id: 'trust-safety-team-creation-responds-to-claim-regulators-allegations'}]->(b)
SET r += {sources: ['article-004'], quotes: ['The goal was to get to the bottom of tracking allegations and those linked to interfering with users’ data and providing details to officials in China']};

MATCH (a:Organization {id: 'tiktok'}), (b:Event {id: 'trust-safety-reshuffle'})
MERGE (a)-[r:ANNOUNCED {id: 'tiktok-announced-trust-safety-reshuffle'}]->(b)
SET r += {sources: ['article-004'], quotes: ['we saw TikTok mention how it was working hard at shuffling trust and safety personnel']};

MATCH (a:Event {id: 'trust-safety-reshuffle'}), (b:Team {id: 'trust-and-safety-team'})
MERGE (a)-[r:AFFECTED {id: 'trust-safety-reshuffle-affected-trust-and-safety-team'}]->(b)
SET r += {sources: ['article-004'], quotes: ['shuffling trust and safety personnel']};

MATCH (a:Event {id: 'trust-safety-reshuffle'}), (b:Organization {id: 'us-states'})
MERGE (a)-[r:RESPONDS_TO {id: 'trust-safety-reshuffle-responds-to-us-states'}]->(b)
SET r += {concern: 'safety as well as security concerns', sources: ['article-004'], quotes: ['a part of its plan of response from several different states']};

MATCH (a:Event {id: 'trust-safety-reshuffle'}), (b:Organization {id: 'us-government'})
MERGE (a)-[r:RESPONDS_TO {id: 'trust-safety-reshuffle-responds-to-us-government'}]->(b)
SET r += {concern: 'safety as well as security concerns', sources: ['article-004'], quotes: ['as well as the federal government regarding safety as well as security concerns']};

MATCH (a:Organization {id: 'tiktok'}), (b:Claim {id: 'claim-tiktok-trust-safety-plans'})
MERGE (a)-[r:STATED {id: 'tiktok-stated-claim-tiktok-trust-safety-plans'}]->(b)
SET r += {sources: ['article-004', 'article-004'], quotes: ['the company mentioned how its data security trust and safety team would be working', 'It also hopes to create more global safety policies']};

MATCH (a:Claim {id: 'claim-tiktok-trust-safety-plans'}), (b:Team {id: 'trust-and-safety-team'})
MERGE (a)-[r:ABOUT {id: 'claim-tiktok-trust-safety-plans-about-trust-and-safety-team'}]->(b)
SET r += {sources: ['article-004'], quotes: ['its data security trust and safety team would be working on the likes of compliance and moderation of content']};

MATCH (a:Claim {id: 'claim-tiktok-trust-safety-plans'}), (b:Data {id: 'us-citizens-data'})
MERGE (a)-[r:ABOUT {id: 'claim-tiktok-trust-safety-plans-about-us-citizens-data'}]->(b)
SET r += {sources: ['article-004'], quotes: ['it wouldn’t be involving the likes of tracking data belonging to American users']};

// --- The articles' own comments --------------------------------------------------------------

MATCH (a:Claim {id: 'claim-000-comment-falls-badly'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:ABOUT {id: 'claim-000-comment-falls-badly-about-tiktok'}]->(b)
SET r += {sources: ['article-000'], quotes: ['This new case falls badly for the social network.']};

MATCH (a:Claim {id: 'claim-004-comment-momentum'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:ABOUT {id: 'claim-004-comment-momentum-about-tiktok'}]->(b)
SET r += {sources: ['article-004'], quotes: ['It appears that TikTok might be gaining positive momentum']};

MATCH (a:Claim {id: 'claim-004-comment-news-not-great'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:ABOUT {id: 'claim-004-comment-news-not-great-about-journalist-surveillance'}]->(b)
SET r += {sources: ['article-004'], quotes: ['the news is not great']};

MATCH (a:Claim {id: 'claim-004-comment-closer-eye'}), (b:Organization {id: 'regulators'})
MERGE (a)-[r:ABOUT {id: 'claim-004-comment-closer-eye-about-regulators'}]->(b)
SET r += {sources: ['article-004'], quotes: ['regulators may be keeping an even closer eye on the app']};

MATCH (a:Claim {id: 'claim-004-comment-crime'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:ABOUT {id: 'claim-004-comment-crime-about-journalist-surveillance'}]->(b)
SET r += {sources: ['article-004'], quotes: ['tracking media personnel because they published stories that were deemed critical by TikTok’s parent firm is definitely an eye-opener']};

MATCH (a:Claim {id: 'claim-004-comment-taking-seriously'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:ABOUT {id: 'claim-004-comment-taking-seriously-about-tiktok'}]->(b)
SET r += {sources: ['article-004'], quotes: ['TikTok does seem to be taking the matter seriously']};

// --- Accounts of disputed facts: what each is about ------------------------------------------

MATCH (a:Claim {id: 'claim-000-dismissals'}), (b:Event {id: 'dismissals'})
MERGE (a)-[r:ABOUT {id: 'claim-000-dismissals-about-dismissals'}]->(b)
SET r += {sources: ['article-000'], quotes: ['has been fired, along with three other employees involved in the case']};

MATCH (a:Claim {id: 'claim-000-dismissals'}), (b:Person {id: 'head-of-audit'})
MERGE (a)-[r:ABOUT {id: 'claim-000-dismissals-about-head-of-audit'}]->(b)
SET r += {sources: ['article-000'], quotes: ['the company’s head of audit and risk control has been fired']};

MATCH (a:Claim {id: 'claim-000-dismissals'}), (b:Person {id: 'three-other-employees'})
MERGE (a)-[r:ABOUT {id: 'claim-000-dismissals-about-three-other-employees'}]->(b)
SET r += {sources: ['article-000'], quotes: ['along with three other employees involved in the case']};

MATCH (a:Claim {id: 'claim-004-dismissals'}), (b:Event {id: 'dismissals'})
MERGE (a)-[r:ABOUT {id: 'claim-004-dismissals-about-dismissals'}]->(b)
SET r += {sources: ['article-004'], quotes: ['While one of them resigned, the other three individuals were fired.']};

MATCH (a:Claim {id: 'claim-004-dismissals'}), (b:Person {id: 'resigned-worker'})
MERGE (a)-[r:ABOUT {id: 'claim-004-dismissals-about-resigned-worker'}]->(b)
SET r += {sources: ['article-004'], quotes: ['While one of them resigned']};

MATCH (a:Claim {id: 'claim-004-dismissals'}), (b:Person {id: 'three-fired-workers'})
MERGE (a)-[r:ABOUT {id: 'claim-004-dismissals-about-three-fired-workers'}]->(b)
SET r += {sources: ['article-004'], quotes: ['the other three individuals were fired']};

MATCH (a:Claim {id: 'claim-000-company-commented'}), (b:Organization {id: 'bytedance'})
MERGE (a)-[r:ABOUT {id: 'claim-000-company-commented-about-bytedance'}]->(b)
SET r += {sources: ['article-000'], quotes: ['the parent company of TikTok condemned']};

MATCH (a:Claim {id: 'claim-000-company-commented'}), (b:Claim {id: 'claim-bytedance-condemnation'})
MERGE (a)-[r:ABOUT {id: 'claim-000-company-commented-about-claim-bytedance-condemnation'}]->(b)
SET r += {sources: ['article-000'], quotes: ['in a statement to theAFP']};

MATCH (a:Claim {id: 'claim-000-company-commented'}), (b:Event {id: 'liang-email'})
MERGE (a)-[r:ABOUT {id: 'claim-000-company-commented-about-liang-email'}]->(b)
SET r += {sources: ['article-000'], quotes: ['In an email seen by our colleagues at yard']};

MATCH (a:Claim {id: 'claim-004-no-comment'}), (b:Organization {id: 'tiktok'})
MERGE (a)-[r:ABOUT {id: 'claim-004-no-comment-about-tiktok'}]->(b)
SET r += {sources: ['article-004'], quotes: ['TikTok is staying hush on the matter and has refused to comment']};

MATCH (a:Claim {id: 'claim-000-new-york-times'}), (b:Outlet {id: 'new-york-times'})
MERGE (a)-[r:ABOUT {id: 'claim-000-new-york-times-about-new-york-times'}]->(b)
SET r += {sources: ['article-000'], quotes: ['revealed by our colleagues at New York Times']};

MATCH (a:Claim {id: 'claim-000-new-york-times'}), (b:Event {id: 'internal-investigation'})
MERGE (a)-[r:ABOUT {id: 'claim-000-new-york-times-about-internal-investigation'}]->(b)
SET r += {sources: ['article-000'], quotes: ['This is the result of an internal investigation conducted by ByteDance']};

MATCH (a:Claim {id: 'claim-004-financial-times'}), (b:Outlet {id: 'financial-times'})
MERGE (a)-[r:ABOUT {id: 'claim-004-financial-times-about-financial-times'}]->(b)
SET r += {sources: ['article-004'], quotes: ['A reporter from The Financial Times']};

MATCH (a:Claim {id: 'claim-004-financial-times'}), (b:Person {id: 'ft-reporter'})
MERGE (a)-[r:ABOUT {id: 'claim-004-financial-times-about-ft-reporter'}]->(b)
SET r += {sources: ['article-004'], quotes: ['the same journalist at The Financial Times']};

MATCH (a:Claim {id: 'claim-000-motive'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:ABOUT {id: 'claim-000-motive-about-journalist-surveillance'}]->(b)
SET r += {sources: ['article-000'], quotes: ['carried out the investigation in order to determine the identity of the employees of the application who snitched to the press']};

MATCH (a:Claim {id: 'claim-004-motive'}), (b:Event {id: 'journalist-surveillance'})
MERGE (a)-[r:ABOUT {id: 'claim-004-motive-about-journalist-surveillance'}]->(b)
SET r += {sources: ['article-004'], quotes: ['it happens to be linked to an internal investigation related to leaks']};

MATCH (a:Claim {id: 'claim-004-motive'}), (b:Data {id: 'tiktok-user-data'})
MERGE (a)-[r:ABOUT {id: 'claim-004-motive-about-tiktok-user-data'}]->(b)
SET r += {sources: ['article-004'], quotes: ['They wished to use such data for their own personal gains']};

// --- Disagreements: BETWEEN their accounts ---------------------------------------------------

MATCH (a:Disagreement {id: 'disagreement-dismissals'}), (b:Claim {id: 'claim-000-dismissals'})
MERGE (a)-[r:BETWEEN {id: 'disagreement-dismissals-between-claim-000-dismissals'}]->(b)
SET r += {sources: ['article-000'], quotes: ['the company’s head of audit and risk control has been fired, along with three other employees involved in the case']};

MATCH (a:Disagreement {id: 'disagreement-dismissals'}), (b:Claim {id: 'claim-004-dismissals'})
MERGE (a)-[r:BETWEEN {id: 'disagreement-dismissals-between-claim-004-dismissals'}]->(b)
SET r += {sources: ['article-004'], quotes: ['While one of them resigned, the other three individuals were fired.']};

MATCH (a:Disagreement {id: 'disagreement-company-comment'}), (b:Claim {id: 'claim-000-company-commented'})
MERGE (a)-[r:BETWEEN {id: 'disagreement-company-comment-between-claim-000-company-commented'}]->(b)
SET r += {sources: ['article-000'], quotes: ['the parent company of TikTok condemned a “unfortunate initiative that seriously violated the company’s code of conduct“, in a statement to theAFP']};

MATCH (a:Disagreement {id: 'disagreement-company-comment'}), (b:Claim {id: 'claim-004-no-comment'})
MERGE (a)-[r:BETWEEN {id: 'disagreement-company-comment-between-claim-004-no-comment'}]->(b)
SET r += {sources: ['article-004'], quotes: ['For now, TikTok is staying hush on the matter and has refused to comment.']};

MATCH (a:Disagreement {id: 'disagreement-story-source'}), (b:Claim {id: 'claim-000-new-york-times'})
MERGE (a)-[r:BETWEEN {id: 'disagreement-story-source-between-claim-000-new-york-times'}]->(b)
SET r += {sources: ['article-000'], quotes: ['revealed by our colleagues at New York Times']};

MATCH (a:Disagreement {id: 'disagreement-story-source'}), (b:Claim {id: 'claim-004-financial-times'})
MERGE (a)-[r:BETWEEN {id: 'disagreement-story-source-between-claim-004-financial-times'}]->(b)
SET r += {sources: ['article-004'], quotes: ['A reporter from The Financial Times was seen speaking about how at least four different workers from the company’s internal audit unit']};

MATCH (a:Disagreement {id: 'disagreement-motive'}), (b:Claim {id: 'claim-000-motive'})
MERGE (a)-[r:BETWEEN {id: 'disagreement-motive-between-claim-000-motive'}]->(b)
SET r += {sources: ['article-000'], quotes: ['Several American journalists have been tracked by TikTok employees in order to identify their sources.']};

MATCH (a:Disagreement {id: 'disagreement-motive'}), (b:Claim {id: 'claim-004-motive'})
MERGE (a)-[r:BETWEEN {id: 'disagreement-motive-between-claim-004-motive'}]->(b)
SET r += {sources: ['article-004'], quotes: ['They wished to use such data for their own personal gains']};

// --- Every Claim is CLAIMED_BY the article(s) that carry it -----------------------------------
// (Its quotes are the claim's own; one statement per claim keeps each relationship's provenance.)

MATCH (c:Claim), (a:Article)
WHERE a.id IN c.sources
MERGE (c)-[r:CLAIMED_BY {id: c.id + '-claimed-by-' + a.id}]->(a)
SET r += {
  sources: [i IN range(0, size(c.sources) - 1) WHERE c.sources[i] = a.id | c.sources[i]],
  quotes: [i IN range(0, size(c.sources) - 1) WHERE c.sources[i] = a.id | c.quotes[i]]
};
