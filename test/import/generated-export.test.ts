import { expect } from '@open-wc/testing';
import { generateMovableTypeExport } from '../../scripts/mt-export-generator.mjs';
import { importMovableType } from '../../src/import/movable-type.js';
import { toSplitLayout, type SplitArticleFile, type SplitFile } from '../../src/import/split-layout.js';
import { apacheRedirects, nginxRedirects, redirectsJson } from '../../src/import/redirects.js';
import { validateData } from '../../src/adapters/json/json-adapter.js';

const OPTIONS = { timezone: 'Europe/Paris', now: '2026-01-01T00:00:00Z', oldBaseUrl: 'https://lemag.typepad.com/', newBaseUrl: 'https://example.org/mag/', mediaBase: '/media/' };
const bytes = (text: string) => new TextEncoder().encode(text).length;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The bytes a page reads to show one article of a split layout: the index and the article's file. */
function bytesToShowOne(files: SplitFile[]) {
  const index = bytes(JSON.stringify(files[0].content));
  const articles = files.filter((f) => f.path.startsWith('articles/')).map((f) => bytes(JSON.stringify(f.content)));
  return { index, medianArticle: median(articles) };
}

describe('the generated export of 3,000 entries and 30,000 comments', function () {
  this.timeout(120_000);

  let generated: ReturnType<typeof generateMovableTypeExport>;
  let result: ReturnType<typeof importMovableType>;
  before(() => {
    generated = generateMovableTypeExport();
    result = importMovableType(new TextEncoder().encode(generated.text), OPTIONS);
  });

  it('imports every published entry and comment, and reports the rest', () => {
    const { stats } = generated;
    const { report, data } = result;
    expect(stats).to.deep.include({ entries: 3000, comments: 30000 });
    expect(report.entries.read).to.equal(3000);
    expect(report.entries.imported).to.equal(3000 - stats.drafts);
    expect(report.entries.skipped.map((s) => s.kind)).to.deep.equal(Array(stats.drafts).fill('draft'));
    expect(report.comments.read).to.equal(30000);
    expect(report.comments.imported + report.comments.leftOutWithEntries).to.equal(30000);
    expect(report.comments.replies).to.be.greaterThan(0).and.at.most(stats.replies);
    expect(report.pings).to.deep.include({ read: stats.pings, imported: 0, dropped: stats.pings });
    expect(report.redirects).to.equal(report.entries.imported);
    expect(report.rewritten.media).to.be.greaterThan(0);
    expect(report.rewritten.links).to.be.greaterThan(0);
    const linked = data.articles.find((a) => a.bodyHtml.includes('Voir aussi'))!;
    expect(linked.bodyHtml).to.match(/Voir aussi <a href="(https:\/\/example\.org\/mag\/\?article=entree-\d+|https:\/\/lemag\.typepad\.com\/\d{4}\/\d\d\/entree-\d+\.html)">/);
    expect(data.articles.filter((a) => !a.commentsOpen).length).to.be.greaterThan(0);
    expect(validateData(data)).to.deep.equal([]);
  });

  it('writes no e-mail address and no IP address of the export in any output file', () => {
    const secrets = new Set<string>();
    for (const [, value] of generated.text.matchAll(/^(?:EMAIL|IP): (.+)$/gm)) secrets.add(value.trim());
    expect(secrets.size).to.be.greaterThan(30000);
    const outputs = [
      JSON.stringify(result.data),
      ...toSplitLayout(result.data).map((f) => JSON.stringify(f.content)),
      redirectsJson(result.redirects),
      nginxRedirects(result.redirects).text,
      apacheRedirects(result.redirects).text,
      JSON.stringify(result.report),
    ];
    // Every e-mail-like and IP-like string of the outputs, checked against the export's (one pass, not one search per secret).
    const found: string[] = [];
    for (const output of outputs) {
      for (const [match] of output.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b\d{1,3}(?:\.\d{1,3}){3}\b/g)) if (secrets.has(match)) found.push(match);
    }
    expect(found).to.deep.equal([]);
    // The check itself finds a leaked address.
    expect(`{"x": "${[...secrets][0]}"}`.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b\d{1,3}(?:\.\d{1,3}){3}\b/g)?.some((m) => secrets.has(m))).to.equal(true);
  });

  it('needs the same bytes to show one article, whatever the number of entries', () => {
    const large = bytesToShowOne(toSplitLayout(result.data));
    const small = bytesToShowOne(toSplitLayout(importMovableType(generateMovableTypeExport({ entries: 300, comments: 3000 }).text, OPTIONS).data));
    const single = bytes(JSON.stringify(result.data));
    // Both indexes hold the 50 newest summaries: their sizes differ by what the summaries say, not by the blog's size.
    expect(large.index / small.index).to.be.within(0.8, 1.25);
    expect(large.medianArticle / small.medianArticle).to.be.within(0.67, 1.5);
    expect(large.index + large.medianArticle).to.be.below(single / 100);
    const files = toSplitLayout(result.data);
    const numerous = files.filter((f) => f.path.startsWith('articles/')).map((f) => f.content as SplitArticleFile);
    expect(numerous).to.have.length(result.data.articles.length);
  });
});
