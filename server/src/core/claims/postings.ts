// Posting lists for candidate indexes that walk items in time order: entries are read from a head that moves,
// for good, past entries too old for the item probing now (and every later one), so an index over years of
// sources reads only the entries of recent weeks. A probe may also read a list whole (items of no date). Most keys
// (a quote's runs of words) hold one entry: it is kept as is, without a list around it.

/** A key's entries once it has more than one. */
class List<T> {
  head = 0;
  constructor(readonly entries: T[]) {}
}

export class Postings<T extends { id: number }, K = string> {
  private readonly lists = new Map<K, T | List<T>>();

  add(key: K, entry: T): void {
    const known = this.lists.get(key);
    if (known === undefined) this.lists.set(key, entry);
    else if (known instanceof List) known.entries.push(entry);
    else this.lists.set(key, new List([known, entry]));
  }

  /**
   * Visits the entries under a key. `expired`, when given, must hold for a leading run of every list (entries are
   * added in an order it is monotone in): those are skipped now and by every later visit. `fromStart` visits the
   * whole list.
   */
  visit(key: K, f: (entry: T) => void, expired?: (id: number) => boolean, fromStart = false): void {
    const list = this.lists.get(key);
    if (list === undefined) return;
    if (!(list instanceof List)) {
      if (fromStart || !expired || !expired(list.id)) f(list);
      return;
    }
    if (expired && !fromStart) while (list.head < list.entries.length && expired(list.entries[list.head].id)) list.head++;
    const { entries } = list;
    for (let k = fromStart ? 0 : list.head; k < entries.length; k++) f(entries[k]);
  }
}
