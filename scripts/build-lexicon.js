// Regenerates server/src/core/data/lexicon.json from compromise's lexicon (a devDependency, used here as data only).
// Run: node scripts/build-lexicon.js   The output is committed so the server needs no NLP package at run time.
'use strict';
const fs = require('fs');
const path = require('path');
const nlp = require('compromise');

const lexicon = nlp.model().one.lexicon;
const buckets = {
  firstNames: ['FirstName', 'MaleName', 'FemaleName'],
  femaleNames: ['FemaleName'],
  maleNames: ['MaleName'],
  lastNames: ['LastName'],
  countries: ['Country'],
  cities: ['City'],
  regions: ['Region', 'Place'],
  organizations: ['Organization', 'SportsTeam'],
  demonyms: ['Demonym'],
  people: ['Person'],
  commonWords: ['Adjective', 'Adverb', 'Gerund', 'PastTense', 'PresentTense', 'Infinitive', 'Plural', 'Singular',
    'Comparative', 'Superlative', 'Uncountable', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Modal',
    'QuestionWord', 'Expression', 'Noun', 'Actor', 'Participle', 'Copula', 'Negative', 'Cardinal', 'Ordinal'],
};
const out = {};
for (const [name, tags] of Object.entries(buckets)) {
  const words = Object.entries(lexicon)
    .filter(([, t]) => (Array.isArray(t) ? t : String(t).split(',')).some((x) => tags.includes(x)))
    .map(([w]) => w)
    .filter((w) => /^[a-z][a-z .&'-]*$/.test(w));
  out[name] = [...new Set(words)].sort();
}
const target = path.join(__dirname, '..', 'server', 'src', 'core', 'data', 'lexicon.json');
fs.writeFileSync(target, JSON.stringify(out) + '\n');
console.log(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length])), '->', target);
