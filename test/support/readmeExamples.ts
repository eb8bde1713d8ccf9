/*
 * README code blocks that run as tests. A block is marked by one or more comments right before its
 * fence, one per way it is used:
 *
 *   <!-- example: five-minutes-correct file=test/projection.test.ts with=projection-handler expect=pass -->
 *   ```ts
 *
 * - `name` (first word): unique; one project folder per name.
 * - `file=`: where the block is written in that project (default `test/<name>.test.ts`).
 * - `expect=pass|fail`: the block is a test file and vitest must pass or fail it; without `expect`
 *   the block is a support file that other examples name in `with=`.
 * - `with=a,b`: support written into the same project: a marked README block of that name, or the
 *   folder `test/readme/<name>/` copied as it is (for code the README does not show).
 * - `match="text"`: with `expect=fail`, the failure message must contain this text (why it fails).
 */

export interface ReadmeBlock {
  readonly name: string;
  readonly file: string;
  readonly expect: 'pass' | 'fail' | undefined;
  readonly with: readonly string[];
  /** With `expect: 'fail'`: text the failure message must contain. */
  readonly match: string | undefined;
  readonly code: string;
  /** 1-based line of the marker, for messages. */
  readonly line: number;
}

const MARKER = /^<!--\s*example:\s*(.*?)\s*-->\s*$/;
const FENCE = /^```(\w*)\s*$/;
const ATTRIBUTES = new Set(['file', 'expect', 'with', 'match']);
/** `key=value` or `key="value with spaces"`. */
const ATTRIBUTE = /^(\w+)=(?:"([^"]*)"|(\S+))(?:\s+|$)/;

/** Every marked block of a Markdown text; a malformed marker throws, naming its line. */
export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  let pending: { text: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = MARKER.exec(line);
    if (marker !== null) {
      pending.push({ text: marker[1]!, line: i + 1 });
      continue;
    }
    if (pending.length === 0) continue;
    const fence = FENCE.exec(line);
    if (fence === null) throw new Error(`README line ${pending[0]!.line}: an example marker must be followed directly by a \`\`\`ts block`);
    if (fence[1] !== 'ts') throw new Error(`README line ${i + 1}: examples are \`\`\`ts blocks (got \`\`\`${fence[1]})`);
    const end = lines.findIndex((l, k) => k > i && /^```\s*$/.test(l));
    if (end === -1) throw new Error(`README line ${i + 1}: the code block never closes`);
    const code = `${lines.slice(i + 1, end).join('\n')}\n`;
    for (const { text, line: at } of pending) blocks.push(parseMarker(text, at, code));
    pending = [];
    i = end;
  }
  if (pending.length > 0) throw new Error(`README line ${pending[0]!.line}: an example marker at the end of the file marks no block`);
  const names = blocks.map((b) => b.name);
  const twice = names.find((name, k) => names.indexOf(name) !== k);
  if (twice !== undefined) throw new Error(`README: example name "${twice}" is used twice`);
  return blocks;
}

function parseMarker(text: string, line: number, code: string): ReadmeBlock {
  const name = /^\S+/.exec(text)?.[0];
  if (name === undefined || !/^[a-z0-9-]+$/.test(name)) throw new Error(`README line ${line}: an example needs a name of a-z, 0-9 and - first (got "${text}")`);
  const attributes = new Map<string, string>();
  let rest = text.slice(name.length).trim();
  while (rest !== '') {
    const m = ATTRIBUTE.exec(rest);
    if (m === null || !ATTRIBUTES.has(m[1]!)) throw new Error(`README line ${line}: unknown example attribute "${rest.split(/\s/)[0]}" (use ${[...ATTRIBUTES].join(', ')})`);
    attributes.set(m[1]!, m[2] ?? m[3]!);
    rest = rest.slice(m[0].length);
  }
  const expect = attributes.get('expect');
  if (expect !== undefined && expect !== 'pass' && expect !== 'fail') throw new Error(`README line ${line}: expect must be pass or fail (got "${expect}")`);
  const file = attributes.get('file') ?? (expect === undefined ? undefined : `test/${name}.test.ts`);
  if (file === undefined) throw new Error(`README line ${line}: support block "${name}" needs file=<path>`);
  if (file.startsWith('/') || file.split('/').includes('..')) throw new Error(`README line ${line}: file must stay inside the example's project (got "${file}")`);
  const match = attributes.get('match');
  if (match !== undefined && expect !== 'fail') throw new Error(`README line ${line}: match= goes with expect=fail`);
  const used = attributes.get('with');
  return { name, file, expect, with: used === undefined || used === '' ? [] : used.split(','), match, code, line };
}
