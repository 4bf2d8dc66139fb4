import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/paths';

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return tsFiles(full);
    return d.name.endsWith('.ts') ? [full] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('the core stays platform-free', () => {
  const files = tsFiles(path.join(repoRoot, 'src'));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('no file under src/ imports a chat SDK or anything under adapters/', () => {
    const offences: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? '';
        const resolved = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec;
        const intoAdapters = spec.startsWith('.') && resolved.startsWith(path.join(repoRoot, 'adapters'));
        if (/^@slack\//.test(spec) || /^discord\.js$/.test(spec) || /^@discordjs\//.test(spec) || intoAdapters) {
          offences.push(`${path.relative(repoRoot, file)} imports ${spec}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });
});
