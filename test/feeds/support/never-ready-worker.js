// Worker entry for tests: a parser worker that never finishes starting (it never says it is
// ready and never answers), as one still loading its modules looks to the pool.
const { parentPort } = require('node:worker_threads');

parentPort.on('message', () => {});
