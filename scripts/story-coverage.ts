/**
 * The sentences of both articles, and which nodes and relationships of cypher/seed.cypher quote
 * each one. The "Coverage" section of cypher/README.md is generated from this:
 *
 *   npx tsx scripts/story-coverage.ts           rewrites the section
 *   npx tsx scripts/story-coverage.ts --check   exits 1 if it is out of date
 *
 * test/unit/story-coverage.test.ts proves the list accounts for every character of both articles,
 * that every sentence not deliberately left out is quoted by at least one element, and that the
 * README section is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readArticle, root, type ArticleId } from './generate-seed-articles.js';
import { seedElements, type SeedElement } from './story-seed.js';

export interface Sentence {
  readonly article: ArticleId;
  /** e.g. '000-07'; 00 is the title. */
  readonly key: string;
  readonly text: string;
  /** Why the sentence is deliberately not represented; undefined when it is. */
  readonly leftOut?: string;
}

const PAGE = 'Page furniture of the web page (navigation or advertising), not part of the report.';

const s000: Array<[string, string?]> = [
  ['TikTok employees stalked journalists to identify their sources'],
  ['Spying organized by employees.'],
  [
    'Several American journalists have been tracked by TikTok employees in order to identify their sources.',
  ],
  [
    'This is the result of an internal investigation conducted by ByteDance, the application’s parent company, and revealed by our colleagues at New York Times.',
  ],
  ['Collected IP addresses'],
  [
    'During the summer, several employees of a team of ByteDance in charge of the surveillance of the internal personnel of the company carried out the investigation in order to determine the identity of the employees of the application who snitched to the press.',
  ],
  [
    'As part of the investigation, the TikTok team accessed the personal information of several American journalists who followed the news related to the social network on behalf of their newspaper.',
  ],
  [
    'In particular, IP addresses were collected to try to determine whether the journalists were in the same geographical area as the employees suspected of leaking information to the media.',
  ],
  [
    'In detail, the internal investigation commissioned by ByteDance into these cases of spying on an outside law firm revealed that at least two journalists from BuzzFeed and the FinancialTimes had been targeted.',
  ],
  ['The magazine Forbes claims for its part that three of its editors have also been tracked.'],
  ['An investigation opened by ByteDance'],
  [
    'In an email seen by our colleagues at yardRubo Liang, CEO of ByteDance, said to himself “deeply disappointed“by the behavior of the employees involved in this digital spinning.',
  ],
  [
    '”The public trust, which we have worked so hard to build, will be significantly undermined by the misbehaviour of a few individuals.“, he added.',
  ],
  ['Advertising, your content continues below', PAGE],
  [
    'As part of ByteDance’s internal investigation, the company’s head of audit and risk control has been fired, along with three other employees involved in the case.',
  ],
  ['The team has been restructured to avoid further incidents in the future.'],
  [
    'The investigations were opened by the management of the social network last October, after the publication by Forbes of an investigation into the management of location data of certain American citizens.',
  ],
  ['TikTok under fire from critics'],
  ['This new case falls badly for the social network.'],
  ['For several months, TikTok has been making headlines across the Atlantic.'],
  ['Several US states have banned the installation of the app on their employees’ phones.'],
  [
    'The country’s authorities are also concerned that the data of US citizens could be exported to China and used for espionage purposes.',
  ],
  [
    'An agreement between ByteDance and the US government is being negotiated, but the revelation of this organized surveillance could put a stop to the talks.',
  ],
  [
    'For its part, the parent company of TikTok condemned a “unfortunate initiative that seriously violated the company’s code of conduct“, in a statement to theAFP.',
  ],
  ['Related Articles', PAGE],
  ['Back to top button', PAGE],
];

const s004: Array<[string, string?]> = [
  ['TikTok Accused Of Tracking Journalists To Investigate Internal Leaks In The Company'],
  [
    'It appears that TikTok might be gaining positive momentum in one direction and then moving backward in another.',
  ],
  [
    'The leading social media firm owned by Chinese parent company ByteDance is now being accused of tracking journalists.',
  ],
  [
    'A reporter from The Financial Times was seen speaking about how at least four different workers from the company’s internal audit unit, hailing from both the US and China, ended up taking data of users without them being aware.',
  ],
  [
    'They wished to use such data for their own personal gains and in this case, it happens to be linked to an internal investigation related to leaks.',
  ],
  ['As anyone can imagine, the news is not great, to begin with.'],
  [
    'It looks like regulators may be keeping an even closer eye on the app now after this report because the firm is already accused of tracking behavior.',
  ],
  ['It’s interesting how the employees are no longer working in the organization.'],
  ['While one of them resigned, the other three individuals were fired.'],
  [
    'But that does not mean this report is being brushed away because a crime is a crime and tracking media personnel because they published stories that were deemed critical by TikTok’s parent firm is definitely an eye-opener.',
  ],
  ['For now, TikTok is staying hush on the matter and has refused to comment.'],
  [
    'Another report from the same journalist at The Financial Times spoke about how the team members used their authority for the wrong reasons so they could gain access to user data on TikTok.',
  ],
  [
    'It’s interesting how the firm’s CEO did release a separate email delineating how the firm was requested for some to reflect on their actions and how they can stop such incidents from arising in the first place.',
  ],
  [
    'As mentioned in a recent statement by the Financial Times, the act or crime of spying is a huge criminal offense and can’t be accepted under any sort of circumstances.',
  ],
  [
    'Therefore, a new investigation regarding the matter will begin before the media outlet gives out a final judgment on the matter.',
  ],
  [
    'During the early part of this month, we saw TikTok mention how it was working hard at shuffling trust and safety personnel as a part of its plan of response from several different states as well as the federal government regarding safety as well as security concerns.',
  ],
  [
    'TikTok does seem to be taking the matter seriously and does try to justify the allegations labeled against it by various regulators out there.',
  ],
  ['For instance, in June of this year, the firm was seen creating a team for trust and safety.'],
  [
    'The goal was to get to the bottom of tracking allegations and those linked to interfering with users’ data and providing details to officials in China, which it blatantly denied.',
  ],
  [
    'During that time, the company mentioned how its data security trust and safety team would be working on the likes of compliance and moderation of content.',
  ],
  [
    'It also hopes to create more global safety policies that oversee the moderation of content around the globe and it wouldn’t be involving the likes of tracking data belonging to American users.',
  ],
  [
    'Read next:\u00a0TikTok Introduces New Feature That Explains Why Users Are Being Served Certain Videos',
    'A link to another article on the publisher’s site, not part of this report.',
  ],
  ['Previous Post Next Post', PAGE],
];

function build(article: ArticleId, list: Array<[string, string?]>): Sentence[] {
  const prefix = article.slice('article-'.length);
  return list.map(([text, leftOut], i) => ({
    article,
    key: `${prefix}-${String(i).padStart(2, '0')}`,
    text,
    ...(leftOut !== undefined ? { leftOut } : {}),
  }));
}

export const sentences: Sentence[] = [...build('article-000', s000), ...build('article-004', s004)];

/**
 * What is left of an article once its sentences are removed in order (each must be found after
 * the previous one). Only whitespace should remain.
 */
export function unaccounted(article: ArticleId): string {
  const text = readArticle(article);
  let rest = '';
  let at = 0;
  for (const s of sentences.filter((x) => x.article === article)) {
    const i = text.indexOf(s.text, at);
    if (i === -1) throw new Error(`${s.key} not found in order in ${article}: ${s.text}`);
    rest += text.slice(at, i);
    at = i + s.text.length;
  }
  return rest + text.slice(at);
}

/** Elements with at least one quote from this sentence's article lying within the sentence. */
export function quotedBy(
  sentence: Sentence,
  elements: SeedElement[] = seedElements(),
): SeedElement[] {
  return elements.filter((e) =>
    (e.sources ?? []).some((src, i) => {
      const q = e.quotes?.[i];
      return src === sentence.article && q !== undefined && sentence.text.includes(q);
    }),
  );
}

export const BEGIN = '<!-- BEGIN GENERATED: coverage (npx tsx scripts/story-coverage.ts) -->';
export const END = '<!-- END GENERATED: coverage -->';
export const readmePath = join(root, 'cypher', 'README.md');

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\u00a0/g, ' ');

export function coverageMarkdown(): string {
  const elements = seedElements();
  const lines: string[] = [BEGIN, ''];
  for (const article of ['article-000', 'article-004'] as const) {
    lines.push(`#### ${article}`, '', '| # | Sentence | Represented by |', '|---|---|---|');
    for (const s of sentences.filter((x) => x.article === article)) {
      let by: string;
      if (s.leftOut !== undefined) {
        by = `**Left out:** ${s.leftOut}`;
      } else {
        const els = quotedBy(s, elements);
        const nodes = els.filter((e) => e.kind === 'node').map((e) => `\`${e.id}\``);
        const rels = els
          .filter((e) => e.kind === 'relationship')
          .map((e) => `\`${e.label}\` ${e.id}`);
        by = [
          nodes.length ? `nodes: ${nodes.join(', ')}` : '',
          rels.length ? `relationships: ${rels.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ');
      }
      lines.push(`| ${s.key} | ${cell(s.text)} | ${cell(by)} |`);
    }
    lines.push('');
  }
  lines.push(END);
  return lines.join('\n');
}

export function withCurrentCoverage(readme: string): string {
  const b = readme.indexOf(BEGIN);
  const e = readme.indexOf(END);
  if (b === -1 || e === -1 || e < b) throw new Error(`${readmePath} lacks the coverage markers`);
  return readme.slice(0, b) + coverageMarkdown() + readme.slice(e + END.length);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const readme = readFileSync(readmePath, 'utf8');
  const next = withCurrentCoverage(readme);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error(
        'cypher/README.md coverage is out of date: run npx tsx scripts/story-coverage.ts',
      );
      process.exitCode = 1;
    } else console.log('cypher/README.md coverage is up to date.');
  } else {
    if (next !== readme) writeFileSync(readmePath, next);
    console.log(
      next !== readme ? 'Rewrote the coverage section of cypher/README.md.' : 'Up to date.',
    );
  }
}
