// Writes the user's corrections (merge, alias, ignore) into .corroborate/entities.json through a WorkspaceEdit,
// so the change shows in the editor and can be undone; refuses in an untrusted workspace.
import * as vscode from 'vscode';

export const CORRECTIONS_FILE = '.corroborate/entities.json';

interface Corrections {
  entities?: { name: string; aliases?: string[]; [key: string]: unknown }[];
  merge?: string[][];
  split?: string[];
  ignore?: string[];
  [key: string]: unknown;
}

/** The corrections file of the first workspace folder (the one the server reads). */
export function correctionsUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, CORRECTIONS_FILE);
}

/** False (after saying why) when the workspace is not trusted: Corroborate is read-only there. */
export function ensureTrusted(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(`Corroborate is read-only in an untrusted workspace: cannot ${action}. Trust the workspace to change ${CORRECTIONS_FILE}.`);
  return false;
}

/** Reads the file (unsaved text wins), applies `change`, and replaces the whole content through one WorkspaceEdit. */
export async function editCorrections(action: string, change: (c: Corrections) => void): Promise<boolean> {
  if (!ensureTrusted(action)) return false;
  const uri = correctionsUri();
  if (!uri) {
    void vscode.window.showWarningMessage('Corroborate: open a folder first.');
    return false;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  let text: string | undefined = open?.getText();
  if (text === undefined) {
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined; // missing: created below
    }
  }
  let data: Corrections = {};
  if (text !== undefined && text.trim() !== '') {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      data = parsed as Corrections;
    } catch (error) {
      void vscode.window.showErrorMessage(`Corroborate: ${CORRECTIONS_FILE} is not valid JSON (${(error as Error).message}); fix it before using this command.`);
      return false;
    }
  }
  change(data);
  const next = JSON.stringify(data, null, 2) + '\n';
  const edit = new vscode.WorkspaceEdit();
  const metadata = { needsConfirmation: false, label: `Corroborate: ${action}` };
  if (text === undefined) {
    edit.createFile(uri, { ignoreIfExists: true }, metadata);
    edit.insert(uri, new vscode.Position(0, 0), next, metadata);
  } else {
    const doc = open ?? (await vscode.workspace.openTextDocument(uri));
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), next, metadata);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Corroborate could not edit ${CORRECTIONS_FILE}.`);
    return false;
  }
  // Saved so the server (which watches the file) applies it at once; Undo in the file reverts the change.
  const doc = await vscode.workspace.openTextDocument(uri);
  await doc.save();
  return true;
}

export const addMerge = (names: string[]) => (c: Corrections) => {
  c.merge = [...(c.merge ?? []), [...new Set(names)]];
};

export const addAlias = (name: string, alias: string) => (c: Corrections) => {
  c.entities = c.entities ?? [];
  const entry = c.entities.find((e) => e && e.name === name);
  if (entry) entry.aliases = [...new Set([...(entry.aliases ?? []), alias])];
  else c.entities.push({ name, aliases: [alias] });
};

export const addIgnore = (name: string) => (c: Corrections) => {
  c.ignore = [...new Set([...(c.ignore ?? []), name])];
};
