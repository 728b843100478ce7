// Scores of the last mutation-testing run (`npm run test:mutation`), per folder and per file, from
// Stryker's JSON report (reports/mutation/mutation.json), as a Markdown table:
// killed, timed out, survived, no coverage, ignored (static), the score counting every mutant and
// the logic score, which leaves out message-string mutants. A message-string mutant is a
// StringLiteral mutant whose original literal is text for people: it contains a space or a
// character outside ASCII (a refusal's or an error's message, a Chinese or English phrase); literals
// such as 'R7', 'employee-account' or 'top-up' are logic and stay in. Scores are Stryker's:
// (killed + timed out) ÷ (killed + timed out + survived + no coverage).
//   node scripts/mutation-score.mjs [report.json] [--survivors]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const listSurvivors = args.includes('--survivors');
const file = args.find((a) => !a.startsWith('--')) ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(file, 'utf8'));

/** The source text a mutant replaces. */
function original(source, { start, end }) {
  const lines = source.split('\n');
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  const first = lines[start.line - 1].slice(start.column - 1);
  const middle = lines.slice(start.line, end.line - 1);
  const last = lines[end.line - 1].slice(0, end.column - 1);
  return [first, ...middle, last].join('\n');
}

const isMessage = (m, source) =>
  m.mutatorName === 'StringLiteral' && /\s|[^\u0020-\u007e]/.test(original(source, m.location));

const empty = () => ({
  Killed: 0,
  Timeout: 0,
  Survived: 0,
  NoCoverage: 0,
  Ignored: 0,
  messages: 0,
  messagesLeft: 0,
});
const rows = new Map();
const add = (key, m, message) => {
  const r = rows.get(key) ?? empty();
  if (m.status in r) r[m.status]++;
  if (message && m.status !== 'Ignored') {
    r.messages++;
    if (m.status === 'Survived' || m.status === 'NoCoverage') r.messagesLeft++;
  }
  rows.set(key, r);
};
const survivors = [];
for (const [path, f] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
  const folder = path.split('/').slice(0, -1).join('/');
  for (const m of f.mutants) {
    const message = isMessage(m, f.source);
    add(`${folder}/`, m, message);
    add(path, m, message);
    if (m.status === 'Survived' || m.status === 'NoCoverage') {
      const text = original(f.source, m.location).replace(/\s+/g, ' ').slice(0, 70);
      survivors.push(
        `${path}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName}${message ? ' (message)' : ''}: ${text} → ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 70)}`,
      );
    }
  }
}

const pct = (num, den) => (den === 0 ? 'n/a' : `${((100 * num) / den).toFixed(2)}%`);
console.log('| | killed | timed out | survived | no coverage | ignored (static) | score | logic score |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const keys = [...rows.keys()].sort((a, b) => {
  const fa = a.endsWith('/') ? a : a.split('/').slice(0, -1).join('/') + '/';
  const fb = b.endsWith('/') ? b : b.split('/').slice(0, -1).join('/') + '/';
  if (fa !== fb) return fa < fb ? -1 : 1;
  if (a.endsWith('/') !== b.endsWith('/')) return a.endsWith('/') ? -1 : 1;
  return a < b ? -1 : 1;
});
for (const key of keys) {
  const r = rows.get(key);
  const detected = r.Killed + r.Timeout;
  const valid = detected + r.Survived + r.NoCoverage;
  const logicDetected = detected - (r.messages - r.messagesLeft);
  const logicValid = valid - r.messages;
  const name = key.endsWith('/') ? `**${key}**` : `\`${key.split('/').pop()}\``;
  console.log(
    `| ${name} | ${r.Killed} | ${r.Timeout} | ${r.Survived} | ${r.NoCoverage} | ${r.Ignored} | ${pct(detected, valid)} | ${pct(logicDetected, logicValid)} |`,
  );
}
if (listSurvivors) {
  console.log(`\n${survivors.length} survived or not covered:`);
  for (const s of survivors) console.log(s);
}
