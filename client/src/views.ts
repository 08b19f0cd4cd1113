// The Corroborate view container's tree views: Entities (by type, expand to mentions), Conflicts (by subject,
// children = the disagreeing claims), Sources (each document with its date and publication).
import * as vscode from 'vscode';
import { fileName, openCommand, toRange } from './convert';
import type { ConflictInfo, EntityInfo, LspLocation, Requests, SourceEntry } from './protocol';

export const VIEW_IDS = { entities: 'corroborate.entities', conflicts: 'corroborate.conflicts', sources: 'corroborate.sources' } as const;
const KINDS = [
  { kind: 'person', label: 'People', icon: 'person' },
  { kind: 'organization', label: 'Organizations', icon: 'organization' },
  { kind: 'place', label: 'Places', icon: 'location' },
] as const;

type EntityNode = { type: 'kind'; kind: string; label: string; icon: string; entities: EntityInfo[] } | { type: 'entity'; entity: EntityInfo } | { type: 'mention'; mention: LspLocation & { text: string } };

export class EntitiesTree implements vscode.TreeDataProvider<EntityNode> {
  private readonly emitter = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  constructor(private readonly requests: Requests) {}
  refresh(): void { this.emitter.fire(undefined); }

  async getChildren(node?: EntityNode): Promise<EntityNode[]> {
    if (!node) {
      const entities = await this.requests.entities().catch(() => [] as EntityInfo[]);
      return KINDS.map((k) => ({ type: 'kind' as const, ...k, entities: entities.filter((e) => e.kind === k.kind) })).filter((k) => k.entities.length > 0);
    }
    if (node.type === 'kind') return node.entities.map((entity) => ({ type: 'entity' as const, entity }));
    if (node.type === 'entity') return (await this.requests.entityMentions(node.entity.id).catch(() => [])).map((mention) => ({ type: 'mention' as const, mention }));
    return [];
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    if (node.type === 'kind') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.entities.length}`;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.contextValue = 'kind';
      return item;
    }
    if (node.type === 'entity') {
      const e = node.entity;
      const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `entity:${e.id}`;
      item.description = `${e.mentionCount} mentions · ${e.sourceCount} sources`;
      const others = e.names.filter((n) => n !== e.name);
      item.tooltip = new vscode.MarkdownString(`**${e.name}** · ${e.kind}${others.length ? `\n\nAlso written: ${others.join(', ')}` : ''}${e.note ? `\n\n> ${e.note}` : ''}`);
      item.iconPath = new vscode.ThemeIcon(KINDS.find((k) => k.kind === e.kind)?.icon ?? 'symbol-misc');
      item.contextValue = 'entity';
      return item;
    }
    const m = node.mention;
    const item = new vscode.TreeItem(`${fileName(m.uri)}:${m.range.start.line + 1}`, vscode.TreeItemCollapsibleState.None);
    item.description = m.text;
    item.resourceUri = vscode.Uri.parse(m.uri);
    item.command = openCommand(m);
    item.contextValue = 'mention';
    return item;
  }
}

type ConflictNode = { type: 'subject'; subject: string; conflicts: ConflictInfo[] } | { type: 'claim'; conflict: ConflictInfo; index: number };

export class ConflictsTree implements vscode.TreeDataProvider<ConflictNode> {
  private readonly emitter = new vscode.EventEmitter<ConflictNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  constructor(private readonly requests: Requests) {}
  refresh(): void { this.emitter.fire(undefined); }

  async getChildren(node?: ConflictNode): Promise<ConflictNode[]> {
    if (!node) {
      const bySubject = new Map<string, ConflictInfo[]>();
      for (const c of await this.requests.conflicts().catch(() => [] as ConflictInfo[])) bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), c]);
      return [...bySubject].sort(([a], [b]) => a.localeCompare(b)).map(([subject, conflicts]) => ({ type: 'subject' as const, subject, conflicts }));
    }
    if (node.type === 'subject') return node.conflicts.flatMap((conflict) => conflict.claims.map((_, index) => ({ type: 'claim' as const, conflict, index })));
    return [];
  }

  getTreeItem(node: ConflictNode): vscode.TreeItem {
    if (node.type === 'subject') {
      const item = new vscode.TreeItem(node.subject, vscode.TreeItemCollapsibleState.Expanded);
      const kinds = [...new Set(node.conflicts.map((c) => c.kind))].join(', ');
      item.description = `${kinds} · ${node.conflicts.reduce((n, c) => n + c.claims.length, 0)} claims`;
      item.iconPath = new vscode.ThemeIcon('warning');
      item.contextValue = 'conflictSubject';
      return item;
    }
    const claim = node.conflict.claims[node.index];
    const item = new vscode.TreeItem(claim.text, vscode.TreeItemCollapsibleState.None);
    item.description = claim.source ?? fileName(claim.uri);
    item.tooltip = node.conflict.messages[node.index];
    item.iconPath = new vscode.ThemeIcon('quote');
    item.command = openCommand(claim);
    item.contextValue = 'conflictClaim';
    return item;
  }
}

export class SourcesTree implements vscode.TreeDataProvider<SourceEntry> {
  private readonly emitter = new vscode.EventEmitter<SourceEntry | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  constructor(private readonly requests: Requests) {}
  refresh(): void { this.emitter.fire(undefined); }

  async getChildren(node?: SourceEntry): Promise<SourceEntry[]> {
    return node ? [] : this.requests.sources().catch(() => []);
  }

  getTreeItem(s: SourceEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(s.title ?? fileName(s.uri), vscode.TreeItemCollapsibleState.None);
    item.description = [s.date, s.source].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString([`**${s.title ?? fileName(s.uri)}**`, s.source, s.author && `by ${s.author}`, s.date, `${s.entities} entities, ${s.mentions} mentions`, fileName(s.uri)].filter(Boolean).join('\n\n'));
    item.resourceUri = vscode.Uri.parse(s.uri);
    item.iconPath = new vscode.ThemeIcon('file-text');
    item.command = openCommand({ uri: s.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    item.contextValue = 'source';
    return item;
  }
}

export interface Views { entities: EntitiesTree; conflicts: ConflictsTree; sources: SourcesTree; refresh(): void }

export function registerViews(context: vscode.ExtensionContext, requests: Requests): Views {
  const entities = new EntitiesTree(requests);
  const conflicts = new ConflictsTree(requests);
  const sources = new SourcesTree(requests);
  context.subscriptions.push(
    vscode.window.createTreeView(VIEW_IDS.entities, { treeDataProvider: entities, showCollapseAll: true }),
    vscode.window.createTreeView(VIEW_IDS.conflicts, { treeDataProvider: conflicts, showCollapseAll: true }),
    vscode.window.createTreeView(VIEW_IDS.sources, { treeDataProvider: sources }),
  );
  return { entities, conflicts, sources, refresh: () => { entities.refresh(); conflicts.refresh(); sources.refresh(); } };
}

