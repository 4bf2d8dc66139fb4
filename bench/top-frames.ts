import fs from 'node:fs';

/**
 * `node dist/bench/top-frames.js <file.cpuprofile> [n]`: the functions that took the most
 * CPU in a `node --cpu-prof` profile (self time, and total time including callees), so a
 * missed budget can be traced to a line without a profiler UI.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function topFrames(profile: Profile, limit: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    all += dt;
    const seen = new Set<string>();
    for (let cur: number | undefined = id, first = true; cur !== undefined; cur = parent.get(cur), first = false) {
      const key = frameName(byId.get(cur)!);
      if (first) self.set(key, (self.get(key) ?? 0) + dt);
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + dt);
      seen.add(key);
    }
  });
  const fmt = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / Math.max(1, all)).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  return `profile: ${(all / 1000).toFixed(0)} ms sampled\n\nself time:\n${fmt(self)}\n\ntotal time (with callees):\n${fmt(total)}\n`;
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.replace(/^file:\/\//, '').replace(/^.*\/(dist|node_modules)\//, '$1/')}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
}

if (require.main === module) {
  const [file, n] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node dist/bench/top-frames.js <file.cpuprofile> [how many]\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(topFrames(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile, Number(n ?? 25)));
  }
}
