// A minimal SPARQL-protocol endpoint over Oxigraph's in-memory store, for sovecon's benchmark only.
// usage: node server.js FILE.nq PORT [TIMEOUT_SECONDS]
//   listens on 127.0.0.1; GET or POST /sparql with query=...; a query running longer than
//   TIMEOUT_SECONDS (default 120) is stopped and answered 503, as sovecon and Virtuoso answer theirs.
//
// Oxigraph's query call is synchronous and cannot be cancelled, so the store lives in one worker thread
// (store-worker.js) and this thread only speaks HTTP: when a query passes its limit, the worker is
// terminated, which ends the query, and a new worker loads the file again. One worker, not a pool: the
// store is WebAssembly memory private to the worker that loaded it, so every extra worker would hold a
// whole second copy of the graph. Requests wait in order while a query runs or the store reloads; the
// benchmark waits for the reload before it times anything again, so no other query pays for it.
'use strict';
const http = require('http');
const path = require('path');
const { Worker } = require('worker_threads');

const [file, port, timeoutArg] = process.argv.slice(2);
const limitMs = Number(timeoutArg || 120) * 1000;

let worker = null;      // the worker holding the store, once it has loaded it
let running = null;     // { job, timer } of the query the worker is answering
const waiting = [];     // jobs in arrival order: { query, csv, res }

function startWorker(onReady) {
  const started = Date.now();
  const w = new Worker(path.join(__dirname, 'store-worker.js'), { workerData: { file } });
  w.once('message', m => {
    console.log(`loaded ${m.size} quads in ${Date.now() - started} ms`);
    worker = w;
    w.on('message', finished);
    onReady();
    next();
  });
  w.on('error', e => {
    // The store could not load or the worker died outside a query: nothing can be answered.
    console.error(`oxigraph worker failed: ${e.stack || e}`);
    process.exit(1);
  });
}

function next() {
  if (!worker || running || waiting.length === 0) return;
  const job = waiting.shift();
  if (job.res.destroyed) return next();  // the client went away while it waited
  const timer = setTimeout(timedOut, limitMs);
  running = { job, timer };
  worker.postMessage({ query: job.query, csv: job.csv });
}

function finished(m) {
  const { job, timer } = running;
  clearTimeout(timer);
  running = null;
  job.res.writeHead(m.status, { 'Content-Type': m.type });
  job.res.end(m.body);
  next();
}

function timedOut() {
  const { job } = running;
  running = null;
  const w = worker;
  worker = null;
  job.res.writeHead(503, { 'Content-Type': 'text/plain' });
  job.res.end(`Query timed out: it ran longer than this server's limit of ${limitMs / 1000} s.\n`);
  console.log(`a query passed ${limitMs / 1000} s; the store is reloaded`);
  // Load the new store only once the old one's memory is given back, so two never coexist.
  w.removeAllListeners('error');
  w.once('exit', () => startWorker(() => {}));
  w.terminate();
}

function enqueue(query, accept, res) {
  if (!query) {
    res.writeHead(400, { 'Content-Type': 'text/plain' });
    res.end('No query= parameter.\n');
    return;
  }
  waiting.push({ query, csv: /text\/csv/.test(accept || ''), res });
  next();
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname !== '/sparql') { res.writeHead(404); res.end(); return; }
  if (req.method === 'GET') return enqueue(url.searchParams.get('query'), req.headers.accept, res);
  let body = '';
  req.on('data', c => { body += c; });
  req.on('end', () => {
    const ct = req.headers['content-type'] || '';
    const q = ct.startsWith('application/sparql-query') ? body : new URLSearchParams(body).get('query');
    enqueue(q, req.headers.accept, res);
  });
});

// Listen only once the store is loaded, as a server whose load blocks would.
startWorker(() => {
  if (!server.listening) {
    server.listen(Number(port), '127.0.0.1', () => console.log(`oxigraph serving on 127.0.0.1:${port}`));
  }
});
