// The status bar item: "Indexing…" while the server builds the index, then "212 entities · 7 conflicts";
// clicking it opens the Conflicts view.
import * as vscode from 'vscode';
import type { Requests, Status } from './protocol';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('corroborate.status', vscode.StatusBarAlignment.Left, 10);
  private last: Status | undefined;

  constructor(private readonly requests: Requests) {
    this.item.name = 'Corroborate';
    this.item.command = 'corroborate.showConflicts';
    this.indexing();
    this.item.show();
  }

  indexing(): void {
    this.item.text = '$(sync~spin) Corroborate: Indexing…';
    this.item.tooltip = 'Corroborate is indexing the workspace';
  }

  /** Asks the server for fresh counts (waits for the first index, so "Indexing…" stays until then). */
  async refresh(): Promise<Status | undefined> {
    try {
      let status = await this.requests.status();
      if (status.indexing) {
        this.indexing();
        await this.requests.whenIndexed();
        status = await this.requests.status();
      }
      this.show(status);
      return status;
    } catch {
      return this.last;
    }
  }

  get current(): Status | undefined {
    return this.last;
  }

  private show(status: Status): void {
    this.last = status;
    const n = (count: number, one: string, many: string) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
    this.item.text = `$(${status.conflicts > 0 ? 'warning' : 'person'}) ${n(status.entities, 'entity', 'entities')} · ${n(status.conflicts, 'conflict', 'conflicts')}`;
    this.item.tooltip = `Corroborate: ${n(status.sources, 'source', 'sources')} indexed. Click to show the conflicts.`;
  }

  dispose(): void {
    this.item.dispose();
  }
}
