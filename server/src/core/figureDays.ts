// The figures of each measure-and-owner key in the order of the days they hold on, so that an edit of one figure
// finds the stretches of time it could join, leave or bridge without reading the rest of a widely reported
// owner's figures (thousands of sources can give the same company's revenue).

/** One figure (by document and index) under one key. */
export interface DayMember {
  day: number;
  uri: string;
  index: number;
}

interface KeyDays {
  /** Dated figures compared within windows of time, by day once `sorted`. */
  dated: DayMember[];
  sorted: boolean;
  /** `reach` was called: from then on, figures are inserted in order. */
  asked: boolean;
  /** Figures compared whatever their day (ages, figures with a year); `day` is unused. */
  timeless: DayMember[];
  /** Figures with no day: they would join every stretch, so no stretch can be read alone. */
  undated: number;
}

/** The figures a change can reach: their members, and per key the ranges of days taken. */
export interface Reach {
  members: DayMember[];
  ranges: [number, number][];
}

export class FigureDays {
  private readonly byKey = new Map<string, KeyDays>();

  add(key: string, uri: string, index: number, day: number | undefined, timeless: boolean): void {
    let kd = this.byKey.get(key);
    if (!kd) this.byKey.set(key, (kd = { dated: [], sorted: true, asked: false, timeless: [], undated: 0 }));
    if (timeless) kd.timeless.push({ day: day ?? 0, uri, index });
    else if (day === undefined) kd.undated++;
    else if (kd.asked && kd.sorted) kd.dated.splice(lowerBound(kd.dated, day + 1), 0, { day, uri, index });
    else {
      // Until the key is first asked about (while the corpus loads), kept in arrival order and sorted once then.
      if (kd.dated.length && kd.dated[kd.dated.length - 1].day > day) kd.sorted = false;
      kd.dated.push({ day, uri, index });
    }
  }

  remove(key: string, uri: string, index: number, day: number | undefined, timeless: boolean): void {
    const kd = this.byKey.get(key);
    if (!kd) return;
    if (timeless) removeWhere(kd.timeless, 0, (m) => m.uri === uri && m.index === index);
    else if (day === undefined) kd.undated--;
    else {
      sortDays(kd);
      removeWhere(kd.dated, lowerBound(kd.dated, day), (m) => m.uri === uri && m.index === index);
    }
    if (!kd.dated.length && !kd.timeless.length && kd.undated <= 0) this.byKey.delete(key);
  }

  /**
   * What a change on the given days can reach under one key: every timeless figure, and the dated figures chained
   * to those within `width` days of a changed day by gaps of at most `width` (a stretch of time of the finer groups
   * never crosses a larger gap, since these are all their members). Undefined when some figure of the key has no
   * day: then every stretch has to be read.
   */
  reach(key: string, days: number[], width: number): Reach | undefined {
    const kd = this.byKey.get(key);
    if (!kd) return { members: [], ranges: [] };
    if (kd.undated > 0) return undefined;
    kd.asked = true;
    sortDays(kd);
    const a = kd.dated;
    const spans: [number, number][] = [];
    for (const d of days) {
      let i = lowerBound(a, d - width);
      let j = lowerBound(a, d + width + 1) - 1;
      if (i > j) continue;
      while (i > 0 && a[i].day - a[i - 1].day <= width) i--;
      while (j < a.length - 1 && a[j + 1].day - a[j].day <= width) j++;
      spans.push([i, j]);
    }
    spans.sort((x, y) => x[0] - y[0]);
    const members: DayMember[] = [...kd.timeless];
    const ranges: [number, number][] = [];
    let last = -1;
    for (const [i, j] of spans) {
      for (let k = Math.max(i, last + 1); k <= j; k++) members.push(a[k]);
      if (j > last) last = j;
      const prev = ranges[ranges.length - 1];
      if (prev && a[i].day <= prev[1]) prev[1] = Math.max(prev[1], a[j].day);
      else ranges.push([a[i].day, a[j].day]);
    }
    return { members, ranges };
  }
}

function sortDays(kd: KeyDays): void {
  if (kd.sorted) return;
  kd.dated.sort((x, y) => x.day - y.day);
  kd.sorted = true;
}

/** The first position whose day is at least `day`. */
function lowerBound(a: DayMember[], day: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid].day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function removeWhere(a: DayMember[], from: number, match: (m: DayMember) => boolean): void {
  for (let k = from; k < a.length; k++) {
    if (match(a[k])) {
      a.splice(k, 1);
      return;
    }
  }
}
