// textDocument/codeAction: "Mark this conflict as reviewed", a quick fix that adds the conflict to
// .corroborate/reviewed.json through a workspace edit the user can undo (the server itself writes nothing).
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextDocumentEdit, type CreateFile, type WorkspaceEdit } from 'vscode-languageserver';
import { pathToFileURL } from 'url';
import { addReviewed } from '../core/reviewed';
import { lineStarts } from '../core/corpus';
import { positionAt } from './convert';
import { DIAGNOSTIC_SOURCE, type ConflictDiagnosticData } from './diagnostics';

export interface ConfigAccess {
  configPath(name: string): string | undefined;
  readConfig(name: string): Promise<string | undefined>;
}

export async function provideCodeActions(config: ConfigAccess, params: CodeActionParams): Promise<CodeAction[]> {
  const actions: CodeAction[] = [];
  const file = config.configPath('reviewed.json');
  if (!file) return actions;
  const current = await config.readConfig('reviewed.json');
  for (const diagnostic of params.context.diagnostics) {
    const data = diagnostic.data as ConflictDiagnosticData | undefined;
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !data?.conflictId) continue;
    const newText = addReviewed(current, { id: data.conflictId, subject: data.subject, reason: '' });
    actions.push({
      title: 'Mark this conflict as reviewed (hide it; add a reason in .corroborate/reviewed.json)',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: replaceFile(pathToFileURL(file).href, current, newText),
    });
  }
  return actions;
}

/** An edit that creates the file if needed and replaces its whole text. */
export function replaceFile(uri: string, current: string | undefined, newText: string): WorkspaceEdit {
  const starts = lineStarts(current ?? '');
  const end = positionAt(starts, (current ?? '').length);
  const edit: TextDocumentEdit = { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end }, newText }] };
  const create: CreateFile = { kind: 'create', uri, options: { ignoreIfExists: true } };
  return { documentChanges: current === undefined ? [create, edit] : [edit] };
}
