// Posting lists for candidate indexes that walk items in time order: entries are read from a head that moves,
// for good, past entries too old for the item probing now (and every later one), so an index over years of
// sources reads only the entries of recent weeks. A probe may also read a list whole (items of no date).

export class Postings<T extends { id: number }, K = string> {
  private readonly lists = new Map<K, { entries: T[]; head: number }>();

  add(key: K, entry: T): void {
    const list = this.lists.get(key);
    if (list) list.entries.push(entry);
    else this.lists.set(key, { entries: [entry], head: 0 });
  }

  /**
   * Visits the entries under a key. `expired`, when given, must hold for a leading run of every list (entries are
   * added in an order it is monotone in): those are skipped now and by every later visit. `fromStart` visits the
   * whole list.
   */
  visit(key: K, f: (entry: T) => void, expired?: (id: number) => boolean, fromStart = false): void {
    const list = this.lists.get(key);
    if (!list) return;
    if (expired && !fromStart) while (list.head < list.entries.length && expired(list.entries[list.head].id)) list.head++;
    const { entries } = list;
    for (let k = fromStart ? 0 : list.head; k < entries.length; k++) f(entries[k]);
  }
}
