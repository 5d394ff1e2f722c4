import { readFileSync } from 'node:fs';

/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and lists where the samples' self time went,
 * by function and by package, so a benchmark can print its profile's top items.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileItem {
  name: string;
  share: number;
}

export interface ProfileSummary {
  /** Seconds the profile spans, and the share of them the main thread was not idle. */
  seconds: number;
  busy: number;
  functions: ProfileItem[];
  packages: ProfileItem[];
}

function packageOf(url: string): string {
  if (!url) {
    return '(native / V8)';
  }
  if (url.startsWith('node:')) {
    return 'node core';
  }
  const at = url.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const parts = url.slice(at + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const dist = url.match(/\/dist\/[^/]+\/(.*)$/);
  return dist ? `app: ${dist[1].split('/').slice(0, 3).join('/')}` : url;
}

function top(totals: Map<string, number>, all: number, count: number): ProfileItem[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, time]) => ({ name, share: time / all }));
}

/** Time a thread spends waiting: the event loop's idle, and a piscina worker parked until its next task. */
const IDLE_FRAMES = new Set(['(idle)', 'atomicsWaitLoop']);

export function summarizeProfile(path: string, count = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let all = 0;
  let idle = 0;
  for (const [id, time] of selfTime) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(program)') {
      continue;
    }
    if (IDLE_FRAMES.has(frame.functionName)) {
      idle += time;
      continue;
    }
    all += time;
    const file = frame.url.split('/').slice(-2).join('/');
    const name = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + time);
    const pkg = packageOf(frame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + time);
  }
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  return {
    seconds,
    busy: 1 - idle / 1e6 / seconds,
    functions: top(functions, all, count),
    packages: top(packages, all, count),
  };
}

if (require.main === module) {
  for (const path of process.argv.slice(2)) {
    const summary = summarizeProfile(path, Number(process.env.TOP ?? 12));
    console.log(`## ${path}: ${summary.seconds.toFixed(1)} s, ${(summary.busy * 100).toFixed(0)}% busy`);
    for (const [title, items] of [
      ['functions', summary.functions],
      ['packages', summary.packages],
    ] as const) {
      console.log(`### ${title}`);
      for (const item of items) {
        console.log(`${(item.share * 100).toFixed(1).padStart(5)}%  ${item.name}`);
      }
    }
  }
}
