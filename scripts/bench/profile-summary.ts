// npx tsx scripts/bench/profile-summary.ts <file.cpuprofile> [--top 40] [--filter text] [--stacks text [--depth 12]]
// Where a V8 CPU profile (node --cpu-prof, `npm run bench -- --profile`) spent
// its time: self time by function and by package, and the inclusive time of
// the functions whose name or location contains --filter, and the call stacks
// of the samples whose innermost function matches --stacks.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: "string", default: "40" },
    filter: { type: "string", multiple: true },
    stacks: { type: "string", multiple: true },
    depth: { type: "string", default: "12" },
  },
});
const file = positionals[0];
if (!file) throw new Error("usage: profile-summary.ts FILE.cpuprofile [--top N] [--filter TEXT]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const top = Number(values.top);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = [...self.values()].reduce((a, b) => a + b, 0);
const idleUs = [...self.entries()]
  .filter(([id]) => ["(idle)", "(program)"].includes(byId.get(id)!.callFrame.functionName))
  .reduce((a, [, us]) => a + us, 0);

function where(node: ProfileNode): string {
  const url = node.callFrame.url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
  const short = url.replace(/.*node_modules\//, "nm/");
  return `${node.callFrame.functionName || "(anonymous)"} ${short}:${node.callFrame.lineNumber + 1}`;
}
function packageOf(node: ProfileNode): string {
  const url = node.callFrame.url;
  if (!url) return node.callFrame.functionName.startsWith("(") ? node.callFrame.functionName : "(native)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return "node core";
  if (url.includes("/.next")) return "app bundle (.next*)";
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

const pct = (us: number) => `${((us / totalUs) * 100).toFixed(1)}%`.padStart(6);
const msOf = (us: number) => `${(us / 1000).toFixed(0)} ms`.padStart(9);
console.log(
  `${file}: ${(totalUs / 1e6).toFixed(1)} s sampled, ${pct(totalUs - idleUs).trim()} busy (${((totalUs - idleUs) / 1e6).toFixed(1)} s)`,
);

const selfByFunction = new Map<string, number>();
const selfByPackage = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id)!;
  selfByFunction.set(where(node), (selfByFunction.get(where(node)) ?? 0) + us);
  selfByPackage.set(packageOf(node), (selfByPackage.get(packageOf(node)) ?? 0) + us);
}
const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${msOf(us)} ${pct(us)}  ${name}`);
};
print("Self time by package", selfByPackage);
print("Self time by function", selfByFunction);

// Inclusive time of frames matching a filter (counted once per sample, however deep the recursion).
for (const text of values.filter ?? []) {
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      const name = where(node);
      if (!name.includes(text) || seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
  });
  print(`Inclusive time of frames matching "${text}"`, inclusive);
}

// Where the samples of a matching leaf come from: its most common call stacks (innermost first).
for (const text of values.stacks ?? []) {
  const stacks = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (!where(byId.get(id)!).includes(text)) return;
    const frames: string[] = [];
    for (let at = parent.get(id); at !== undefined && frames.length < Number(values.depth); at = parent.get(at))
      frames.push(where(byId.get(at)!));
    const key = frames.join("\n      ← ");
    stacks.set(key, (stacks.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  console.log(`\nStacks under "${text}"`);
  for (const [stack, us] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`${msOf(us)} ${pct(us)}  ← ${stack}`);
}
