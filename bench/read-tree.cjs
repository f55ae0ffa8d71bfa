// The baseline of the catalog rows: walk a tree and read every `.md` file's bytes, nothing else (no decoding,
// no parsing). `node bench/read-tree.cjs <root>` prints `<files> <bytes>` so the bench can check it read the tree.
// CommonJS, like the CLI's own files, so both pay the same loader.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile() && entry.name.endsWith('.md')) {
      bytes += readFileSync(path).length;
      files++;
    }
  }
};
walk(process.argv[2] ?? '.');
process.stdout.write(`${files} ${bytes}\n`);
