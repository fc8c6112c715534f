// The worker of server.js: loads the file into Oxigraph's in-memory store, then answers one query per
// message. It runs each query to the end; server.js terminates it when a query passes its limit.
'use strict';
const fs = require('fs');
const { parentPort, workerData } = require('worker_threads');
const oxigraph = require('oxigraph');

// The file is read in pieces, so that its whole text is never held beside the store it becomes.
function* chunks(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) yield buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

const store = new oxigraph.Store();
store.load(chunks(workerData.file), { format: 'application/n-quads', lenient: true, no_transaction: true });
parentPort.postMessage({ size: store.size });

parentPort.on('message', ({ query, csv }) => {
  try {
    // The sovecon graphs are named graphs; sovecon's default graph is their union, so is this one's.
    const out = store.query(query, { use_default_graph_as_union: true, results_format: csv ? 'csv' : 'json' });
    if (typeof out === 'string') {
      parentPort.postMessage({ status: 200, type: csv ? 'text/csv' : 'application/sparql-results+json', body: out });
    } else {
      parentPort.postMessage({ status: 200, type: 'application/n-triples', body: String(out) });
    }
  } catch (e) {
    parentPort.postMessage({ status: 400, type: 'text/plain', body: String(e) });
  }
});
