/**
 * Hand-made agent files for the agreement check. `claude` is what the pinned Claude Code (2.1.332) did with
 * the file alone in a user agents folder: listed or not. `agentpack validate` must report loadableAsIs equal
 * to it, unless `difference` explains why we deliberately answer otherwise.
 */
export interface AgreementCase {
  id: string;
  /** Path inside the agents folder → content. */
  files: Record<string, string>;
  claude: boolean;
  /** What Claude Code shows as the description, when the row is about it. */
  description?: string;
  /** Why agentpack deliberately answers the opposite of Claude Code. */
  difference?: string;
}

const fm = (yaml: string, body = 'You are a test agent.\n'): string => `---\n${yaml}\n---\n${body}`;
const plain = fm('name: t-agent\ndescription: Test agent\nmodel: sonnet');

export const CASES: readonly AgreementCase[] = [
  { id: 'control: plain valid file', files: { 'a.md': plain }, claude: true, description: 'Test agent' },
  { id: 'banner line first', files: { 'a.md': `> **[English](../en/a.md)** | **日本語**\n\n${plain}` }, claude: false },
  { id: 'blank line first', files: { 'a.md': `\n${plain}` }, claude: false },
  { id: 'HTML comment first', files: { 'a.md': `<!-- generated -->\n${plain}` }, claude: false },
  { id: 'a Markdown heading first', files: { 'a.md': `# Test agent\n\n${plain}` }, claude: false },
  { id: 'a language line Claude Code reads as text first', files: { 'a.md': `[English](../en/a.md) | **日本語**\n${plain}` }, claude: false },
  {
    id: 'UTF-8 BOM',
    files: { 'a.md': `\ufeff${plain}` },
    claude: true,
    difference: 'Claude Code 2.1.332 strips a BOM, 2.1.112 and older skip the file: we keep loadableAsIs false',
  },
  { id: 'CRLF line endings', files: { 'a.md': plain.replaceAll('\n', '\r\n') }, claude: true, description: 'Test agent' },
  { id: 'missing name', files: { 'a.md': fm('description: Test agent') }, claude: false },
  { id: 'empty description ""', files: { 'a.md': fm('name: t-agent\ndescription: ""') }, claude: false },
  { id: 'description of blanks', files: { 'a.md': fm('name: t-agent\ndescription: "   "') }, claude: true, description: '   ' },
  { id: 'missing description', files: { 'a.md': fm('name: t-agent') }, claude: false },
  { id: 'description is a number', files: { 'a.md': fm('name: t-agent\ndescription: 42') }, claude: false },
  { id: 'invalid YAML: unterminated quote', files: { 'a.md': fm('name: t-agent\ndescription: "Test agent') }, claude: false },
  { id: 'invalid YAML: bad indentation', files: { 'a.md': fm('name: t-agent\n  x: y\ndescription: Test agent') }, claude: false },
  { id: 'invalid YAML: unclosed [ (retried)', files: { 'a.md': fm('name: t-agent\ndescription: Test agent\ntools: [Read, Grep') }, claude: true },
  { id: 'unquoted colon: "Use when: x"', files: { 'a.md': fm('name: t-agent\ndescription: Use when: x') }, claude: true, description: 'Use when: x' },
  { id: 'value starting with @', files: { 'a.md': fm('name: t-agent\ndescription: @team helper') }, claude: true, description: '@team helper' },
  { id: 'value starting with [', files: { 'a.md': fm('name: t-agent\ndescription: [Beta] helper') }, claude: true, description: '[Beta] helper' },
  { id: 'repeated key (last wins)', files: { 'a.md': fm('name: t-agent\ndescription: First\ndescription: Second') }, claude: true, description: 'Second' },
  { id: 'tab indentation', files: { 'a.md': fm('name: t-agent\ndescription: Test agent\ntools:\n\t- Read') }, claude: true },
  { id: 'unknown keys', files: { 'a.md': fm('name: t-agent\ndescription: Test agent\ncolour: blue\nfoo: bar') }, claude: true },
  {
    id: 'Japanese name',
    files: { 'a.md': fm('name: 機械学習エンジニア\ndescription: 本番MLシステムを構築します。') },
    claude: true,
    description: '本番MLシステムを構築します。',
  },
  { id: 'file in a subfolder', files: { 'team/deep/a.md': plain }, claude: true },
  { id: 'hidden file .a.md', files: { '.a.md': plain }, claude: true },
  {
    id: 'duplicate names (two files)',
    files: { 'a.md': fm('name: t-agent\ndescription: First'), 'b.md': fm('name: t-agent\ndescription: Second') },
    claude: true,
  },
  { id: 'name with ":"', files: { 'a.md': fm('name: "t:agent"\ndescription: Test agent') }, claude: false },
  { id: 'name with fullwidth "：" (NFKC)', files: { 'a.md': fm('name: t：agent\ndescription: Test agent') }, claude: false },
  { id: 'name starting with "-"', files: { 'a.md': fm('name: "-t-agent"\ndescription: Test agent') }, claude: false },
  { id: 'name of 257 characters', files: { 'a.md': fm(`name: ${'a'.repeat(257)}\ndescription: Test agent`) }, claude: false },
  { id: 'name with spaces and capitals', files: { 'a.md': fm('name: My Agent\ndescription: Test agent') }, claude: true },
  { id: '.txt extension', files: { 'a.txt': plain }, claude: false },
  { id: '.MD extension (upper case)', files: { 'a.MD': plain }, claude: false },
  { id: 'front-matter never closed', files: { 'a.md': '---\nname: t-agent\ndescription: Test agent\nBody\n' }, claude: false },
  { id: '---yaml opening fence', files: { 'a.md': `---yaml\n${plain.slice(4)}` }, claude: false },
  { id: 'closed by "----"', files: { 'a.md': '---\nname: t-agent\ndescription: Test agent\n----\nBody\n' }, claude: true },
  { id: '"---" inside the description', files: { 'a.md': fm('name: t-agent\ndescription: a --- b') }, claude: true, description: 'a' },
  { id: '"---" inside the name', files: { 'a.md': fm('name: a---b\ndescription: Test agent') }, claude: false },
  { id: 'front-matter is a list', files: { 'a.md': fm('- name\n- description') }, claude: false },
  {
    id: 'multi-line description (block scalar)',
    files: { 'a.md': fm('name: t-agent\ndescription: |\n  Line one\n  Line two') },
    claude: true,
    description: 'Line one\nLine two\n',
  },
  { id: 'literal \\n in a plain value', files: { 'a.md': fm('name: t-agent\ndescription: line1\\nline2') }, claude: true, description: 'line1\nline2' },
  {
    id: "literal \\n in a 'single-quoted' value",
    files: { 'a.md': fm("name: t-agent\ndescription: 'line1\\nline2'") },
    claude: true,
    description: 'line1\nline2',
  },
  { id: 'color: magenta (ignored)', files: { 'a.md': fm('name: t-agent\ndescription: Test agent\ncolor: magenta') }, claude: true },
  { id: 'hooks: a string', files: { 'a.md': fm('name: t-agent\ndescription: Test agent\nhooks: nope') }, claude: false },
  { id: 'PermissionRequest outside hooks', files: { 'a.md': fm('name: t-agent\ndescription: Test agent\nPermissionRequest: x') }, claude: false },
  {
    id: 'valid PreToolUse hook',
    files: {
      'a.md': fm(
        'name: t-agent\ndescription: Test agent\nhooks:\n  PreToolUse:\n    - matcher: Bash\n      hooks:\n        - type: command\n          command: "true"',
      ),
    },
    claude: true,
  },
  { id: 'file over 1 MiB', files: { 'a.md': `${plain}${'x'.repeat(1_100_000)}\n` }, claude: false },
];
