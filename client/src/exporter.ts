// Export of entities with their mentions, and of conflicts, as CSV or JSON (by the file's extension) to a file
// the user picks, or to a target given by the caller (tests, tasks).
import * as vscode from 'vscode';
import { fileName } from './convert';
import type { Requests } from './protocol';

export type ExportKind = 'entities' | 'conflicts';

export async function exportData(requests: Requests, what: ExportKind, target?: vscode.Uri | string): Promise<vscode.Uri | undefined> {
  const uri = typeof target === 'string' ? (/^[a-z][\w+.-]+:/i.test(target) && !/^[a-z]:\\/i.test(target) ? vscode.Uri.parse(target) : vscode.Uri.file(target)) : target ?? (await pickTarget(what));
  if (!uri) return undefined;
  const format = uri.path.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  const text = what === 'entities' ? await entitiesText(requests, format) : await conflictsText(requests, format);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(`Corroborate exported ${what} to ${fileName(uri.toString())}.`);
  return uri;
}

async function pickTarget(what: ExportKind): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    title: `Export ${what}`,
    defaultUri: folder && vscode.Uri.joinPath(folder, `corroborate-${what}.csv`),
    filters: { CSV: ['csv'], JSON: ['json'] },
  });
}

async function entitiesText(requests: Requests, format: 'csv' | 'json'): Promise<string> {
  const entities = await requests.entities(true);
  if (format === 'json') {
    const conflicts = await requests.conflicts().catch(() => []);
    return JSON.stringify({ entities, conflicts }, null, 2) + '\n';
  }
  const rows: unknown[][] = [['entity_id', 'entity', 'kind', 'names', 'mention_count', 'source_count', 'file', 'line', 'column', 'mention', 'uri']];
  for (const e of entities) {
    for (const m of e.mentions ?? []) {
      rows.push([e.id, e.name, e.kind, e.names.join('; '), e.mentionCount, e.sourceCount, fileName(m.uri), m.range.start.line + 1, m.range.start.character + 1, m.text, m.uri]);
    }
  }
  return toCsv(rows);
}

async function conflictsText(requests: Requests, format: 'csv' | 'json'): Promise<string> {
  const conflicts = await requests.conflicts();
  if (format === 'json') return JSON.stringify({ conflicts }, null, 2) + '\n';
  const rows: unknown[][] = [['conflict_id', 'kind', 'subject', 'source', 'file', 'line', 'column', 'claim', 'message', 'uri']];
  for (const c of conflicts) {
    c.claims.forEach((claim, i) => rows.push([c.id, c.kind, c.subject, claim.source ?? '', fileName(claim.uri), claim.range.start.line + 1, claim.range.start.character + 1, claim.text, c.messages[i] ?? '', claim.uri]));
  }
  return toCsv(rows);
}

/** RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled; CRLF between records. */
export function toCsv(rows: unknown[][]): string {
  const field = (v: unknown) => {
    const s = String(v ?? '');
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
