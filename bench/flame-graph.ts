/**
 * Draw a V8 CPU profile (BENCH_PROFILE_STEP=action npx tsx bench/http.ts writes one) as a flame graph in SVG (an icicle:
 * callers above): one box per function on the stack, as wide as the time spent in it and in what it called. docs/PERFORMANCE.md shows one.
 * Usage: npx tsx bench/flame-graph.ts profile.cpuprofile out.svg ["title"]
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Frame {
  name: string;
  us: number;
  children: Map<string, Frame>;
}

const [input, output, title = 'motcua — CPU profile'] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: flame-graph.ts profile.cpuprofile out.svg [title]');
const profile = JSON.parse(readFileSync(input, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const label = (n: ProfileNode) => {
  const url = n.callFrame.url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/');
  const where = url.startsWith('src/') ? url : url.split('/')[0];
  return `${n.callFrame.functionName || '(anonymous)'}${where ? ` · ${where}` : ''}`;
};
// Merge the tree by function name along each path, leaving out idle time.
const root: Frame = { name: 'all', us: 0, children: new Map() };
function walk(node: ProfileNode, into: Frame): number {
  const name = label(node);
  if (name.startsWith('(idle)')) return 0;
  let frame = into.children.get(name);
  if (!frame) into.children.set(name, (frame = { name, us: 0, children: new Map() }));
  let us = selfUs.get(node.id) ?? 0;
  for (const c of node.children ?? []) us += walk(byId.get(c)!, frame);
  frame.us += us;
  return us;
}
const top = profile.nodes[0]!;
for (const c of top.children ?? []) root.us += walk(byId.get(c)!, root);

const WIDTH = 1400;
const ROW = 17;
const TOP = 24;
const boxes: string[] = [];
let depthMax = 0;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function draw(frame: Frame, x: number, depth: number): void {
  const w = (frame.us / root.us) * WIDTH;
  if (w < 0.5) return;
  depthMax = Math.max(depthMax, depth);
  const hue = frame.name.includes(' · src/') ? 200 : frame.name.includes(' · ') ? 30 : 0;
  const pct = ((frame.us / root.us) * 100).toFixed(1);
  const y = TOP + depth * ROW;
  const text = w > 40 ? `<text x="${(x + 3).toFixed(1)}" y="${y + 12}">${escape(frame.name.slice(0, Math.floor(w / 6.8)))}</text>` : '';
  boxes.push(
    `<g><title>${escape(frame.name)} — ${pct} %</title><rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 1}" fill="hsl(${hue},70%,${62 + (depth % 3) * 6}%)"/>${text}</g>`,
  );
  let cx = x;
  for (const child of [...frame.children.values()].sort((a, b) => b.us - a.us)) {
    draw(child, cx, depth + 1);
    cx += (child.us / root.us) * WIDTH;
  }
}
draw(root, 0, 0);
// Drawn as an icicle: the caller above, what it called below, each box as wide as its share of the time.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${TOP + (depthMax + 1) * ROW}" font-family="monospace" font-size="11">
<text x="4" y="15" font-size="13">${escape(title)} (${(root.us / 1e6).toFixed(1)} s on CPU; blue: motcua, orange: packages, red: Node and native)</text>
${boxes.join('\n')}
</svg>
`;
writeFileSync(output, svg);
console.log(`${output}: ${boxes.length} boxes, ${depthMax + 1} levels`);
