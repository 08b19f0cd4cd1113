// The entity profile page (a webview): who the sources say the entity is, its quotes, its sources, and its
// mentions on a timeline by document date.
import * as vscode from 'vscode';
import type { LspLocation, Profile, Requests } from './protocol';

let panel: vscode.WebviewPanel | undefined;

/** Opens (or reuses) the profile panel for an entity; returns the rendered HTML (tests read it). */
export async function showProfile(requests: Requests, id: string): Promise<string | undefined> {
  const profile = await requests.profile(id);
  if (!profile) {
    void vscode.window.showWarningMessage('Corroborate: this entity is no longer in the index.');
    return undefined;
  }
  if (!panel) {
    panel = vscode.window.createWebviewPanel('corroborate.profile', profile.name, vscode.ViewColumn.Beside, { enableCommandUris: ['corroborate.openLocation'], enableScripts: false });
    panel.onDidDispose(() => (panel = undefined));
  }
  panel.title = `${profile.name} · Corroborate`;
  panel.webview.html = renderProfile(profile, panel.webview.cspSource);
  panel.reveal(undefined, true);
  return panel.webview.html;
}

export function renderProfile(p: Profile, cspSource: string): string {
  const others = p.names.filter((n) => n !== p.name);
  const max = Math.max(1, ...p.timeline.map((t) => t.mentions));
  const descriptions = p.descriptions.length
    ? `<ul>${p.descriptions.map((d) => `<li>${d.kind === 'age' ? `age ${esc(d.text)}` : esc(d.text)} <span class="src">— ${link(d, d.source)}</span></li>`).join('')}</ul>`
    : '<p class="none">No source describes this entity yet.</p>';
  const quotes = p.quotes.length
    ? `<ul class="quotes">${p.quotes.map((q) => `<li><q>${esc(q.text)}</q> <span class="src">— ${link(q, q.source)}</span></li>`).join('')}</ul>`
    : '<p class="none">No attributed quotes.</p>';
  const sources = `<table><tr><th>Date</th><th>Source</th><th>Title</th><th>Mentions</th></tr>${p.sources
    .map((s) => `<tr><td>${esc(s.date ?? '—')}</td><td>${link({ uri: s.uri, range: zero }, s.source, false)}</td><td>${esc(s.title ?? '')}</td><td class="n">${s.mentions}</td></tr>`)
    .join('')}</table>`;
  const timeline = `<div class="timeline">${p.timeline
    .map((t) => `<div class="row"><span class="date">${esc(t.date ?? 'undated')}</span><span class="bar" style="width:${Math.round((t.mentions / max) * 100)}%"></span><span class="count">${t.mentions}</span><span class="who">${esc(t.sources.join(', '))}</span></div>`)
    .join('')}</div>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline';">
<title>${esc(p.name)}</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.2em; line-height: 1.5; }
h1 { margin-bottom: 0; } .kind { color: var(--vscode-descriptionForeground); }
.src, .none { color: var(--vscode-descriptionForeground); }
blockquote { border-left: 3px solid var(--vscode-textBlockQuote-border); margin: 1em 0; padding: .2em 1em; background: var(--vscode-textBlockQuote-background); }
table { border-collapse: collapse; } td:first-child { white-space: nowrap; } th, td { text-align: left; padding: .2em .8em .2em 0; } td.n { text-align: right; }
.timeline .row { display: grid; grid-template-columns: 7em 1fr 2.5em 16em; gap: .6em; align-items: center; margin: .15em 0; }
.timeline .bar { display: block; height: .8em; background: var(--vscode-charts-blue, #3794ff); min-width: 2px; }
.timeline .count { text-align: right; } .timeline .who { color: var(--vscode-descriptionForeground); font-size: .9em; }
</style></head>
<body>
<h1>${esc(p.name)}</h1>
<p class="kind">${esc(p.kind)} · ${p.mentionCount} mentions in ${p.sourceCount} sources${others.length ? ` · also written ${others.map(esc).join(', ')}` : ''}</p>
${p.note ? `<blockquote>${esc(p.note)}</blockquote>` : ''}
<h2>Who the sources say this is</h2>${descriptions}
<h2>Quotes</h2>${quotes}
<h2>Mentions by document date</h2>${timeline}
<h2>Sources</h2>${sources}
</body></html>`;
}

const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function link(place: LspLocation, label: string, withLine = true): string {
  if (!place.uri) return esc(label);
  const args = [place.uri, place.range.start.line, place.range.start.character];
  const href = `command:corroborate.openLocation?${encodeURIComponent(JSON.stringify(args))}`;
  return `<a href="${esc(href)}">${esc(label)}${withLine ? `, line ${place.range.start.line + 1}` : ''}</a>`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
