// Worker entry for tests: compiles the TypeScript sources as they are required (a worker
// thread does not get ts-jest's transform), then runs the real parse worker.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true }, fileName: filename });
  module._compile(outputText, filename);
};

require(path.join(__dirname, '..', '..', '..', 'src', 'feeds', 'parse-worker.ts'));
