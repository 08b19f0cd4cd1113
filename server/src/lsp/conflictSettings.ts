// The conflict settings as the server reads them: which kinds are reported, at which severity, and where.
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { ConflictKind } from '../core/claims/types';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface ConflictSettings {
  /** "workspace": every source, opened or not; "openFiles": only the files open in the editor. */
  scope: 'workspace' | 'openFiles';
  figures: SeverityName;
  dates: SeverityName;
  quotes: SeverityName;
}

export const DEFAULT_CONFLICT_SETTINGS: ConflictSettings = { scope: 'workspace', figures: 'warning', dates: 'warning', quotes: 'warning' };

/** Reads the `corroborate.diagnostics` / `corroborate.conflicts` settings, tolerating anything malformed. */
export function readConflictSettings(raw: unknown): ConflictSettings {
  const r = (raw ?? {}) as { diagnostics?: { scope?: unknown }; conflicts?: Record<string, unknown> };
  const pick = (value: unknown, fallback: SeverityName): SeverityName =>
    value === 'error' || value === 'warning' || value === 'information' || value === 'hint' || value === 'off' ? value : fallback;
  return {
    scope: r.diagnostics?.scope === 'openFiles' ? 'openFiles' : 'workspace',
    figures: pick(r.conflicts?.figures, DEFAULT_CONFLICT_SETTINGS.figures),
    dates: pick(r.conflicts?.dates, DEFAULT_CONFLICT_SETTINGS.dates),
    quotes: pick(r.conflicts?.quotes, DEFAULT_CONFLICT_SETTINGS.quotes),
  };
}

export function severityFor(settings: ConflictSettings, kind: ConflictKind): DiagnosticSeverity | undefined {
  const name = kind === 'figure' ? settings.figures : kind === 'date' ? settings.dates : settings.quotes;
  switch (name) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'information': return DiagnosticSeverity.Information;
    case 'hint': return DiagnosticSeverity.Hint;
    default: return undefined;
  }
}
