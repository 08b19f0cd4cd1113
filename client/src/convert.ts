// LSP positions, ranges and locations from the custom requests, as VS Code types.
import * as vscode from 'vscode';
import type { LspLocation, LspPosition, LspRange } from './protocol';

export const toPosition = (p: LspPosition) => new vscode.Position(p.line, p.character);
export const toRange = (r: LspRange) => new vscode.Range(toPosition(r.start), toPosition(r.end));
export const toLocation = (l: LspLocation) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range));

/** An "open this place" command for tree items and links. */
export function openCommand(l: LspLocation, title = 'Open'): vscode.Command {
  return { title, command: 'vscode.open', arguments: [vscode.Uri.parse(l.uri), { selection: toRange(l.range), preview: true }] };
}

/** "wire-report.txt" from a uri. */
export const fileName = (uri: string) => decodeURIComponent(uri.replace(/^.*\//, ''));
