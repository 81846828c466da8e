/**
 * `npm run preview`: runs the core alone, no server, on the examples (or on what you pass) and
 * prints exactly what each host would send or refuse.
 *
 *   npm run preview                                  examples/sends.json and examples/contacts.csv
 *   npm run preview -- send '{"destinationNumber":"(11) 99999-9999","text":"hi"}' --country BR
 *   npm run preview -- import path/to/contacts.xlsx --country BR
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSendRequest } from '../shared/send';
import { importContacts } from '../shared/labels/import';
import { isPackError } from '../shared/errors';

const root = join(__dirname, '..', '..');

async function main(argv: string[]): Promise<number> {
  const countryAt = argv.indexOf('--country');
  const defaultCountry = countryAt >= 0 ? argv[countryAt + 1] : undefined;
  const args = countryAt >= 0 ? argv.filter((_, i) => i !== countryAt && i !== countryAt + 1) : argv;
  const [command, value] = args;

  if (command === 'send' && value) return showSends([JSON.parse(value)], defaultCountry);
  if (command === 'import' && value) return showImport(value, defaultCountry);
  if (command) {
    console.error('usage: npm run preview [-- send <json> | import <file.csv|file.xlsx>] [--country BR]');
    return 2;
  }
  const sends = JSON.parse(await readFile(join(root, 'examples', 'sends.json'), 'utf8')) as unknown[];
  const sendStatus = showSends(sends, 'BR');
  const importStatus = await showImport(join(root, 'examples', 'contacts.csv'), 'BR');
  return Math.max(sendStatus, importStatus);
}

function showSends(inputs: unknown[], defaultCountry: string | undefined): number {
  console.log(`\n== ${inputs.length} send request(s)${defaultCountry ? ` (default country ${defaultCountry})` : ''}`);
  for (const input of inputs) {
    const result = parseSendRequest(input, { defaultCountry });
    if (result.ok) console.log('  would POST /v1/messages/send', JSON.stringify(result.value));
    else for (const problem of result.issues) console.log(`  refused  ${problem.message}  [${problem.rule}]`);
  }
  return 0;
}

async function showImport(path: string, defaultCountry: string | undefined): Promise<number> {
  console.log(`\n== import ${path}`);
  for await (const outcome of importContacts(await readFile(path), { defaultCountry })) {
    if (outcome.ok) console.log(`  row ${outcome.row}: ${outcome.contact.destination.kind} ${outcome.contact.destination.value} ${outcome.contact.name}`);
    else for (const problem of outcome.issues) console.log(`  row ${outcome.row}: ${problem.message}  [${problem.rule}]`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(isPackError(error) ? `${error.message}${error.hint ? `\n${error.hint}` : ''}` : error);
    process.exit(1);
  },
);
