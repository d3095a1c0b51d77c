// Runs the graphql-http server audits (GraphQL-over-HTTP conformance)
// against the endpoint given as the first argument, prints one line per
// audit and exits 1 unless every MUST and SHOULD passes and the MAYs that
// fail are exactly those in known-may-failures.json (each with its reason,
// which docs/http.md repeats).
import { readFileSync } from 'node:fs';
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/query');
  process.exit(2);
}
const known = JSON.parse(readFileSync(new URL('./known-may-failures.json', import.meta.url), 'utf8'));

const problems = [];
for (const { fn } of serverAudits({ url })) {
  const result = await fn();
  const level = result.name.split(' ')[0];
  let mark = 'ok  ';
  if (result.status !== 'ok') {
    const body = await result.response.text().catch(() => '');
    const why = `${result.reason}: ${result.response.status} ${body.slice(0, 200)}`;
    if (level === 'MAY' && known[result.id]) {
      mark = 'may ';
    } else {
      mark = 'FAIL';
      problems.push(`${result.id} ${result.name}: ${why}`);
    }
    console.log(`${mark} ${result.id} ${result.name}\n       ${why}`);
  } else {
    if (known[result.id]) {
      problems.push(`${result.id} passes now: remove it from known-may-failures.json and docs/http.md`);
    }
    console.log(`${mark} ${result.id} ${result.name}`);
  }
}
if (problems.length > 0) {
  console.log(`\n${problems.length} problem(s):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('\nevery MUST and SHOULD audit passes');
