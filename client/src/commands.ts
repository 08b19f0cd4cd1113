// The commands: show mentions (from code lenses), open a place, show an entity's profile, merge / alias / ignore
// (through .corroborate/entities.json), re-index, export, show conflicts, refresh the views.
import * as vscode from 'vscode';
import { toLocation, toPosition } from './convert';
import { addAlias, addIgnore, addMerge, editCorrections, ensureTrusted } from './corrections';
import { exportData } from './exporter';
import { showProfile } from './profile';
import type { EntityInfo, LspLocation, LspPosition, Requests } from './protocol';
import type { StatusBar } from './status';
import { VIEW_IDS, type Views } from './views';

/** What a command may receive for an entity: its id or name, a tree node from the Entities view, or nothing (pick). */
type EntityArg = string | { entity?: EntityInfo } | undefined;

export function registerCommands(context: vscode.ExtensionContext, requests: Requests, views: Views, status: StatusBar, restart: () => Promise<void>): void {
  const register = (id: string, run: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register('corroborate.showMentions', async (uri: string, position: LspPosition, locations: LspLocation[]) => {
    await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), toPosition(position), locations.map(toLocation));
  });

  register('corroborate.openLocation', async (uri: string, line = 0, character = 0) => {
    const at = new vscode.Position(line, character);
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(at, at), preview: true });
  });

  register('corroborate.showProfile', async (arg?: EntityArg) => {
    const entity = await resolveEntity(requests, arg, 'Show the profile of…');
    return entity && showProfile(requests, entity.id);
  });

  register('corroborate.mergeEntities', async (names?: string[]) => {
    if (!ensureTrusted('merge entities')) return false;
    if (!names) {
      const picked = await vscode.window.showQuickPick(await entityItems(requests), { canPickMany: true, placeHolder: 'Pick the entities that are one (at least two)' });
      names = picked?.map((p) => p.entity.name);
    }
    if (!names || names.length < 2) return false;
    return editCorrections('merge entities', addMerge(names));
  });

  register('corroborate.addAlias', async (arg?: EntityArg, alias?: string) => {
    if (!ensureTrusted('add an alias')) return false;
    const entity = await resolveEntity(requests, arg, 'Add an alias to…');
    if (!entity) return false;
    alias = alias ?? (await vscode.window.showInputBox({ prompt: `Another name for ${entity.name}`, placeHolder: 'e.g. S. Smith' }));
    if (!alias?.trim()) return false;
    return editCorrections('add an alias', addAlias(entity.name, alias.trim()));
  });

  register('corroborate.ignoreEntity', async (arg?: EntityArg) => {
    if (!ensureTrusted('ignore an entity')) return false;
    const entity = await resolveEntity(requests, arg, 'Ignore (hide) which entity?');
    if (!entity) return false;
    return editCorrections('ignore an entity', addIgnore(entity.name));
  });

  register('corroborate.reindex', async () => {
    status.indexing();
    try {
      await requests.reindex();
    } catch {
      await restart();
    }
    views.refresh();
    return status.refresh();
  });

  register('corroborate.exportEntities', (target?: vscode.Uri | string) => exportData(requests, 'entities', target));
  register('corroborate.exportConflicts', (target?: vscode.Uri | string) => exportData(requests, 'conflicts', target));
  register('corroborate.showConflicts', () => vscode.commands.executeCommand(`${VIEW_IDS.conflicts}.focus`));
  register('corroborate.refreshViews', () => {
    views.refresh();
    return status.refresh();
  });
}

async function entityItems(requests: Requests): Promise<(vscode.QuickPickItem & { entity: EntityInfo })[]> {
  return (await requests.entities()).map((entity) => ({
    label: entity.name,
    description: `${entity.kind} · ${entity.mentionCount} mentions in ${entity.sourceCount} sources`,
    detail: entity.names.filter((n) => n !== entity.name).join(', ') || undefined,
    entity,
  }));
}

/** The entity an argument designates (id, any of its names, a tree node), or one the user picks. */
async function resolveEntity(requests: Requests, arg: EntityArg, placeHolder: string): Promise<EntityInfo | undefined> {
  if (arg && typeof arg === 'object' && arg.entity) return arg.entity;
  if (typeof arg === 'string') {
    const all = await requests.entities();
    const folded = arg.toLowerCase();
    const found = all.find((e) => e.id === arg) ?? all.find((e) => e.name.toLowerCase() === folded) ?? all.find((e) => e.names.some((n) => n.toLowerCase() === folded));
    if (!found) void vscode.window.showWarningMessage(`Corroborate: no entity named "${arg}".`);
    return found;
  }
  return (await vscode.window.showQuickPick(await entityItems(requests), { placeHolder, matchOnDescription: true, matchOnDetail: true }))?.entity;
}
