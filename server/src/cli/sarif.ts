// SARIF 2.1.0 output for `corroborate check --format sarif`, so code-scanning tools can show conflicts.
import type { Finding } from './check';

const RULES = {
  figure: 'Sources give values for the same measure that cannot both be true.',
  date: 'Sources give different dates for the same event.',
  'quote-wording': 'Sources quote the same speaker with different words.',
  'quote-speaker': 'Sources attribute the same words to different speakers.',
} as const;

export function toSarif(found: Finding[]): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'corroborate', version: '0.1.0', rules: Object.entries(RULES).map(([id, text]) => ({ id, shortDescription: { text } })) } },
      results: found.flatMap((f) => f.places.map((p, i) => ({
        ruleId: f.conflict.kind,
        level: f.level,
        message: { text: p.message },
        partialFingerprints: { conflictId: f.conflict.id },
        locations: [location(p)],
        relatedLocations: f.places.filter((_, j) => j !== i && (!f.conflict.sides || f.conflict.sides[i] !== f.conflict.sides[j])).map((other, j) => ({ id: j, ...location(other), message: { text: `${other.source}: ${other.text}` } })),
      }))),
    }],
  };
}

function location(p: Finding['places'][number]): object {
  return { physicalLocation: { artifactLocation: { uri: p.file }, region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn } } };
}
