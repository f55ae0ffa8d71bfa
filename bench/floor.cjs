// Lower bounds for the catalog rows (BENCHMARKS.md, "what it would take"): the least a command could do on
// the same tree, as plain scripts, to compare with bench/read-tree.cjs. Not agentpack: no checks, no output
// worth reading. `node bench/floor.cjs <tree> <mode>`, time it with `/usr/bin/time -f '%U %S'`.
//   list-full       read, decode every file (UTF-8, ASCII as latin1), find the front-matter after an optional
//                   banner, take name and description, group the languages by name, print one line per agent
//   list-head       the same, decoding only the bytes up to the front-matter's closing fence
//   validate-text   read, decode, split front-matter and body, NFC + sha256 of the body, count its headings
//   validate-bytes  the same on bytes: buffer.isUtf8, sha256 of the body's bytes, headings found in the bytes,
//                   only the front-matter decoded
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { isAscii, isUtf8 } = require('node:buffer');
const { createHash } = require('node:crypto');

const [root, mode] = process.argv.slice(2);
const MODES = ['list-full', 'list-head', 'validate-text', 'validate-bytes'];
if (!root || !MODES.includes(mode)) {
  console.error(`usage: node bench/floor.cjs <tree> <${MODES.join('|')}>`);
  process.exit(2);
}
const decoder = new TextDecoder('utf-8', { fatal: true });
const decode = (bytes) => (isAscii(bytes) ? bytes.toString('latin1') : decoder.decode(bytes));
const agents = new Map();
const out = [];

/** Offsets of the front-matter (after an optional banner line) in a string or a buffer, or undefined. */
function fence(data) {
  let start = data.indexOf('---\n') === 0 ? 0 : data.indexOf('\n---\n');
  if (start < 0) return undefined;
  if (start > 0) start += 1;
  const end = data.indexOf('\n---', start + 4);
  return end < 0 ? undefined : { start: start + 4, end };
}

function list(path, bytes) {
  let text;
  if (mode === 'list-head') {
    const end = bytes.indexOf('\n---', 4);
    text = decode(bytes.subarray(0, end < 0 ? Math.min(bytes.length, 4096) : end + 4));
  } else text = decode(bytes);
  const at = fence(text);
  if (!at) return;
  const head = text.slice(at.start, at.end);
  const name = /^name: (.*)$/m.exec(head)?.[1];
  if (!name) return;
  const agent = agents.get(name) ?? {};
  agent[path.includes('/i18n/ja/') ? 'ja' : 'en'] = /^description: (.*)$/m.exec(head)?.[1] ?? '';
  agents.set(name, agent);
}

function validate(path, bytes) {
  if (mode === 'validate-bytes') {
    if (!isUtf8(bytes)) return;
    const at = fence(bytes);
    if (!at) return;
    const keys = bytes.toString('utf8', at.start, at.end).split('\n').length;
    const hash = createHash('sha256')
      .update(bytes.subarray(at.end + 4))
      .digest('hex');
    let headings = 0;
    for (let i = bytes.indexOf(10, at.end + 4); i >= 0 && i < bytes.length - 1; i = bytes.indexOf(10, i + 1)) if (bytes[i + 1] === 0x23) headings++;
    out.push(`${path} ${keys} ${hash.slice(0, 8)} ${headings}`);
    return;
  }
  const text = decode(bytes);
  const at = fence(text);
  if (!at) return;
  const keys = text.slice(at.start, at.end).split('\n').length;
  const body = text.slice(at.end + 4);
  const hash = createHash('sha256').update(body.normalize('NFC')).digest('hex');
  const headings = body.split('\n').filter((line) => line.startsWith('#')).length;
  out.push(`${path} ${keys} ${hash.slice(0, 8)} ${headings}`);
}

const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile() && entry.name.endsWith('.md')) (mode.startsWith('list') ? list : validate)(path, readFileSync(path));
  }
};
walk(root);
if (mode.startsWith('list')) for (const [name, langs] of agents) out.push(`${name}  ${Object.keys(langs).join(', ')}  ${langs.en ?? ''}`);
process.stdout.write(`${out.join('\n')}\n`);
