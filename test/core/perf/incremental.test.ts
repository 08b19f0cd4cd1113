// Edits applied one at a time (patched entities, conflicts re-found only where touched) give exactly what a
// corpus built from scratch on the same texts gives.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';

// Compiled tests run from test/out/core/perf: the code comes from server/out, the types from the source.
const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const { Corpus } = require(path.join(REPO, 'server/out/core/corpus')) as typeof import('../../../server/src/core/corpus');
type Corpus = import('../../../server/src/core/corpus').Corpus;

const dir = path.join(REPO, 'examples');
const EXAMPLES = fs.readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));

const snapshot = (c: Corpus) => JSON.stringify({ entities: c.entities(), conflicts: c.conflicts() });

type Edit = { doc: number; kind: 'figure' | 'name' | 'cut' | 'quote' | 'remove' | 'same' | 'date'; at: number };

/** The text with its `date:` header moved by some days. */
function shiftDate(text: string, days: number): string {
  // A header a figure edit made invalid ("2024-13-20") stays as it is.
  return text.replace(/^date: (\d{4}-\d{2}-\d{2})$/m, (m, iso: string) => (Number.isNaN(Date.parse(iso)) ? m : `date: ${new Date(Date.parse(iso) + days * 86400000).toISOString().slice(0, 10)}`));
}

/** `copies` copies of the examples under `folder`, dated 3 days apart: conflicts within and across the copies. */
function datedCopies(folder: string, copies: number): Map<string, string> {
  const texts = new Map<string, string>();
  for (let k = 0; k < copies; k++) EXAMPLES.forEach((t, i) => texts.set(`file:///${folder}/${k}-${i}.txt`, shiftDate(t, k * 3)));
  return texts;
}

/** A corpus loaded in bulk with the texts, in steps of no time (its grouping and first conflicts not yet found). */
function bulkLoaded(texts: Map<string, string>): InstanceType<typeof Corpus> {
  const c = new Corpus({ sliceMs: 0 });
  c.setBulk(true);
  for (const [uri, text] of texts) c.update({ uri, text, version: 1 });
  c.setBulk(false);
  return c;
}

/** `bulkLoaded`, its grouping and first conflicts then found in steps, as a server's first index does. */
function prepared(texts: Map<string, string>): InstanceType<typeof Corpus> {
  const c = bulkLoaded(texts);
  for (const _ of c.prepareSteps()) { /* steps */ }
  return c;
}

function applyEdit(text: string, edit: Edit): string {
  const n = text.length;
  const at = Math.floor(edit.at * n);
  switch (edit.kind) {
    case 'figure': return text.replace(/\d+(\.\d+)?/g, (m, _d, offset: number) => (offset >= at && offset < at + 400 ? String(Number(m) + 1) : m));
    case 'name': return text.slice(0, at) + ' Prime Minister Taro Yamada said the talks went well. ' + text.slice(at);
    case 'cut': return text.slice(0, at) + text.slice(Math.min(n, at + 300));
    case 'date': return shiftDate(text, Math.round(edit.at * 120) - 60);
    case 'quote': return text.slice(0, at) + ' "We will not accept a bad deal for our workers," Trump said. ' + text.slice(at);
    default: return text.slice(0, at) + ' and' + text.slice(at);
  }
}

/** Runs edits on a live corpus and checks it against a fresh corpus of the same texts after each. */
function checkEdits(base: Map<string, string>, edits: Edit[], uriOf: (doc: number) => string, original: (doc: number) => string): void {
  const texts = new Map(base);
  const live = new Corpus();
  let version = 1;
  for (const [uri, text] of texts) live.update({ uri, text, version });
  live.conflicts();
  for (const e of edits) {
    const uri = uriOf(e.doc);
    version++;
    if (e.kind === 'remove' && texts.has(uri)) {
      texts.delete(uri);
      live.remove(uri);
    } else {
      const text = applyEdit(texts.get(uri) ?? original(e.doc), e);
      texts.delete(uri);
      texts.set(uri, text);
      if (e.doc % 2) live.updateLater({ uri, text, version });
      else live.update({ uri, text, version });
    }
    const order = live.uris();
    const fresh = new Corpus();
    for (const u of order) fresh.update({ uri: u, text: texts.get(u)!, version });
    assert.equal(snapshot(live), snapshot(fresh), JSON.stringify(e));
  }
}

/** Random runs of edits of the given kinds on these documents, each checked against a fresh corpus. */
function checkRandomEdits(docs: string[], uriOf: (doc: number) => string, kinds: Edit['kind'][], runs: { maxLength: number; numRuns: number }): void {
  const base = new Map(docs.map((t, i) => [uriOf(i), t]));
  const edit = fc.record({
    doc: fc.nat({ max: docs.length - 1 }),
    kind: fc.constantFrom(...kinds),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: runs.maxLength }), (edits) => checkEdits(base, edits, uriOf, (i) => docs[i])), { numRuns: runs.numRuns });
}

test('incremental updates equal a fresh corpus over two years of the same stories (large figure groups)', () => {
  // The examples twice, the copy a year later: figures of one owner and measure form groups across both years,
  // so an edit recomputes only part of each group's members' documents.
  const docs = [...EXAMPLES, ...EXAMPLES.map((t) => t.replace(/\b2025\b/g, '2026').replace(/\b2024\b/g, '2025'))];
  const uriOf = (i: number) => `file:///y/${String(i).padStart(2, '0')}.txt`;
  checkRandomEdits(docs, uriOf, ['figure', 'figure', 'cut', 'quote', 'remove', 'same'], { maxLength: 5, numRuns: 12 });
});

test('incremental updates equal a fresh corpus over the same stories days apart (stretches of time reached by an edit)', () => {
  // Copies dated around the 45-day window (and the same day, for evolving measures); edits move figures and dates,
  // so stretches of one owner's figures join, split and bridge.
  const offsets = [0, 0, 20, 44, 46, 91, 137, 300];
  const docs = offsets.flatMap((days) => EXAMPLES.map((t) => shiftDate(t, days)));
  const uriOf = (i: number) => `file:///d/${String(i).padStart(3, '0')}.txt`;
  checkRandomEdits(docs, uriOf, ['figure', 'figure', 'date', 'date', 'cut', 'remove'], { maxLength: 5, numRuns: 10 });
});

test('figures of a long stretch of time, edited in its middle, equal a fresh corpus', () => {
  // The stretches the copies above chain into reach far before and after an edited figure.
  const offsets = [0, 20, 44, 46, 91, 137, 180];
  const docs = offsets.flatMap((days) => EXAMPLES.map((t) => shiftDate(t, days)));
  const uriOf = (i: number) => `file:///m/${String(i).padStart(3, '0')}.txt`;
  const base = new Map(docs.map((t, i) => [uriOf(i), t]));
  const corpus = new Corpus();
  for (const [uri, text] of base) corpus.update({ uri, text, version: 1 });
  const middle = (uri: string) => Math.floor(Number(uri.slice(-7, -4)) / EXAMPLES.length) === 3;
  const edits: Edit[] = [];
  for (const c of corpus.conflicts().filter((x) => x.kind === 'figure')) {
    const claim = c.claims.find((cl) => middle(cl.uri));
    if (!claim) continue;
    const doc = Number(claim.uri.slice(-7, -4));
    edits.push({ doc, kind: 'figure', at: claim.start / docs[doc].length }, { doc, kind: 'date', at: 0.2 });
  }
  assert.ok(edits.length >= 6, `figure conflicts through the middle copy: ${edits.length / 2}`);
  checkEdits(base, edits.slice(0, 12), uriOf, (i) => docs[i]);
});

test('incremental updates equal a fresh corpus, edit after edit', () => {
  checkRandomEdits(EXAMPLES, (i) => `file:///c/${i}.txt`, ['figure', 'name', 'cut', 'quote', 'remove', 'same', 'date'], { maxLength: 6, numRuns: 25 });
});

test('grouping and conflicts prepared in steps, with edits between the steps, equal a fresh corpus', () => {
  // Steps of no time at all: the grouping pauses every 128 items, so edits land inside it too.
  const steps = (() => {
    const c = new Corpus({ sliceMs: 0 });
    c.setBulk(true);
    EXAMPLES.forEach((t, i) => c.update({ uri: `file:///s/${i}.txt`, text: t, version: 1 }));
    c.setBulk(false);
    return [...c.prepareSteps()].length;
  })();
  assert.ok(steps >= 6, `${steps} steps`);
  fc.assert(fc.property(fc.nat({ max: steps }), fc.nat({ max: EXAMPLES.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (pauseAt, doc, at) => {
    const texts = new Map(EXAMPLES.map((t, i) => [`file:///s/${i}.txt`, t]));
    const live = new Corpus({ sliceMs: 0 });
    live.setBulk(true);
    for (const [uri, text] of texts) live.update({ uri, text, version: 1 });
    live.setBulk(false);
    let step = 0;
    for (const _ of live.prepareSteps()) {
      if (step++ === pauseAt) {
        // An edit arrives while the server is between two steps.
        const uri = `file:///s/${doc}.txt`;
        const text = applyEdit(texts.get(uri)!, { doc, kind: 'figure', at });
        texts.set(uri, text);
        live.updateLater({ uri, text, version: 2 });
      }
    }
    const fresh = new Corpus();
    for (const u of live.uris()) fresh.update({ uri: u, text: texts.get(u)!, version: 2 });
    assert.equal(snapshot(live), snapshot(fresh));
  }), { numRuns: 20 });
});

test('the first conflicts are found in steps of their own, and equal those found at once', () => {
  const texts = datedCopies('f', 10);
  const stepped = bulkLoaded(texts);
  let grouped = false;
  let conflictSteps = 0;
  for (const step of stepped.prepareSteps()) {
    if (grouped) conflictSteps++;
    if (step === 'grouped') grouped = true;
  }
  // Handing documents over, and each kind of conflict, pause every 8 items at a slice of no time.
  assert.ok(conflictSteps >= 10, `${conflictSteps} steps after grouping`);
  const fresh = new Corpus();
  for (const [uri, text] of texts) fresh.update({ uri, text, version: 1 });
  assert.ok(fresh.conflicts().length > 10, `${fresh.conflicts().length} conflicts`);
  assert.equal(snapshot(stepped), snapshot(fresh));
});

test('the first conflicts leave the claims unfiled for edits; filing them in steps (or at the first edit) keeps edits right', () => {
  const texts = datedCopies('l', 3);
  // Filed in steps of their own after the pass: with a slice of no time, a pause every 8 documents.
  const stepped = prepared(texts);
  const linkSteps = [...stepped.linkSteps()].length;
  assert.ok(linkSteps >= texts.size / 8 - 1, `${linkSteps} steps to file ${texts.size} documents`);
  assert.equal([...stepped.linkSteps()].length, 0, 'filed once');
  // Or not at all before the first edit, which files them itself.
  const unfiled = prepared(texts);
  const kinds: Edit['kind'][] = ['figure', 'date', 'quote', 'name'];
  kinds.forEach((kind, k) => {
    const uri = [...texts.keys()][(k * 7) % texts.size];
    texts.set(uri, applyEdit(texts.get(uri)!, { doc: 0, kind, at: 0.4 }));
    for (const c of [stepped, unfiled]) c.update({ uri, text: texts.get(uri)!, version: 2 + k });
    const fresh = new Corpus();
    for (const u of stepped.uris()) fresh.update({ uri: u, text: texts.get(u)!, version: 1 });
    assert.equal(snapshot(stepped), snapshot(fresh), `after a ${kind} edit of ${uri} (filed in steps)`);
    assert.equal(snapshot(unfiled), snapshot(fresh), `after a ${kind} edit of ${uri} (filed by the edit)`);
  });
});

test('an edit files at once only the kinds of claims it changed, and the corpus tells beforehand which', () => {
  const texts = datedCopies('k', 3);
  const c = prepared(texts);
  const uri = [...texts.keys()].find((u) => /\d/.test(texts.get(u)!.slice(texts.get(u)!.length * 0.4)))!;
  const figureEdit = applyEdit(texts.get(uri)!, { doc: 0, kind: 'figure', at: 0.4 });
  // Text added at the end moves no claim: nothing to follow, nothing to file.
  c.update({ uri, text: texts.get(uri)! + '\nMore to follow.\n', version: 2 });
  assert.deepEqual(c.kindsToLink(), [], 'claims unchanged');
  c.conflicts();
  // A changed figure follows the figures' keys: they are filed at once, the dates and quotes are left to the steps.
  c.update({ uri, text: figureEdit, version: 3 });
  assert.deepEqual(c.kindsToLink(), ['figure'], 'a figure changed, and figures are not filed yet');
  c.conflicts();
  assert.deepEqual(c.kindsToLink(), [], 'nothing changed since');
  // The figures are filed now: another figure edit files only the edited document (set anew), so nothing waits.
  const again = applyEdit(figureEdit, { doc: 0, kind: 'figure', at: 0.4 });
  c.update({ uri, text: again, version: 4 });
  assert.deepEqual(c.kindsToLink(), [], 'only the edited document is unfiled');
  c.conflicts();
  // A quote added (and a name with it) follows the quotes' keys: still unfiled after the figure edits, and filed
  // by the steps of the kinds it needs.
  const quoted = applyEdit(again, { doc: 0, kind: 'quote', at: 0.5 });
  c.update({ uri, text: quoted, version: 5 });
  const needed = c.kindsToLink();
  assert.ok(needed.includes('quote-speaker') && !needed.includes('figure'), needed.join(', '));
  for (const _ of c.linkSteps(needed)) { /* steps */ }
  assert.deepEqual(c.kindsToLink(), [], 'filed');
  const fresh = new Corpus();
  for (const u of texts.keys()) fresh.update({ uri: u, text: u === uri ? quoted : texts.get(u)!, version: 1 });
  assert.equal(snapshot(c), snapshot(fresh));
});

test('conflicts taken from the last session instead of a full pass: the same corpus, and edits after it stay right', () => {
  const texts = new Map(EXAMPLES.map((t, i) => [`file:///e/${i}.txt`, t]));
  const first = new Corpus();
  for (const [uri, text] of texts) first.update({ uri, text, version: 1 });
  const last = first.conflictsWithReviewed().conflicts;
  assert.ok(last.length >= 10, `${last.length} conflicts`);
  /** A second session: the same texts loaded in bulk, told what the last one found (as a snapshot gives it back). */
  const load = (expected: unknown[]) => {
    const c = new Corpus();
    c.setBulk(true);
    for (const [uri, text] of texts) c.update({ uri, text, version: 1 });
    c.setBulk(false);
    c.expectConflicts(structuredClone(expected) as typeof last);
    for (const _ of c.prepareSteps()) { /* steps */ }
    return c;
  };
  const live = load(last);
  assert.equal(live.tookExpectedConflicts, true);
  assert.equal(snapshot(live), snapshot(first));
  // Edits after it: the index built around the taken conflicts follows them as a fresh corpus finds them.
  const kinds: Edit['kind'][] = ['figure', 'date', 'quote', 'cut', 'name', 'figure'];
  kinds.forEach((kind, k) => {
    const uri = `file:///e/${(k * 5) % EXAMPLES.length}.txt`;
    texts.set(uri, applyEdit(texts.get(uri)!, { doc: 0, kind, at: 0.35 }));
    live.update({ uri, text: texts.get(uri)!, version: 2 + k });
    const fresh = new Corpus();
    for (const u of live.uris()) fresh.update({ uri: u, text: texts.get(u)!, version: 1 });
    assert.equal(snapshot(live), snapshot(fresh), `after a ${kind} edit of ${uri}`);
  });
});

test('conflicts of the last session that the documents do not hold, or a change before the load is prepared: found again', () => {
  const texts = new Map(EXAMPLES.map((t, i) => [`file:///w/${i}.txt`, t]));
  const first = new Corpus();
  for (const [uri, text] of texts) first.update({ uri, text, version: 1 });
  const last = first.conflictsWithReviewed().conflicts;
  const loaded = () => {
    const c = new Corpus();
    c.setBulk(true);
    for (const [uri, text] of texts) c.update({ uri, text, version: 1 });
    c.setBulk(false);
    return c;
  };
  // A place moved by one character: not a claim of that document.
  const wrong = structuredClone(last);
  wrong[0].claims[0].start += 1;
  const a = loaded();
  a.expectConflicts(wrong);
  for (const _ of a.prepareSteps()) { /* steps */ }
  assert.equal(a.tookExpectedConflicts, false);
  assert.equal(snapshot(a), snapshot(first));
  // A document edited after the list was given.
  const b = loaded();
  b.expectConflicts(structuredClone(last));
  const uri = last[0].claims[0].uri;
  const text = applyEdit(texts.get(uri)!, { doc: 0, kind: 'figure', at: 0 });
  b.update({ uri, text, version: 2 });
  for (const _ of b.prepareSteps()) { /* steps */ }
  assert.equal(b.tookExpectedConflicts, false);
  texts.set(uri, text);
  const fresh = new Corpus();
  for (const u of b.uris()) fresh.update({ uri: u, text: texts.get(u)!, version: 1 });
  assert.equal(snapshot(b), snapshot(fresh));
});

test('grouping in steps gives what grouping at once gives', () => {
  const { groupEntities, groupEntitySteps } = require(path.join(REPO, 'server/out/core/grouping')) as typeof import('../../../server/src/core/grouping');
  const { analyzeDocument } = require(path.join(REPO, 'server/out/core/document')) as typeof import('../../../server/src/core/document');
  const docs = EXAMPLES.map((text, i) => analyzeDocument({ uri: `file:///g/${i}.txt`, text, version: 1 }));
  const user = { entities: [], merge: [], split: [], ignore: [] };
  const steps = groupEntitySteps(docs, user, 0);
  let pauses = 0;
  let step = steps.next();
  while (!step.done) {
    pauses++;
    step = steps.next();
  }
  assert.ok(pauses > 50, `${pauses} pauses`);
  assert.equal(JSON.stringify(step.value.entities), JSON.stringify(groupEntities(docs, user).entities));
});
