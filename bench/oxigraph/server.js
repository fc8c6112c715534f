// A minimal SPARQL-protocol endpoint over Oxigraph's in-memory store, for sovecon's benchmark only.
// usage: node server.js FILE.nq PORT   (listens on 127.0.0.1; GET or POST /sparql with query=...)
'use strict';
const fs = require('fs');
const http = require('http');
const oxigraph = require('oxigraph');

const [file, port] = process.argv.slice(2);
const started = Date.now();
const store = new oxigraph.Store();
store.load(fs.readFileSync(file), { format: 'application/n-quads', unchecked: true, no_transaction: true });
console.log(`loaded ${store.size} quads in ${Date.now() - started} ms`);

function answer(query, accept, res) {
  try {
    // The sovecon graphs are named graphs; sovecon's default graph is their union, so is this one's.
    const csv = /text\/csv/.test(accept || '');
    const out = store.query(query, { use_default_graph_as_union: true, results_format: csv ? 'csv' : 'json' });
    if (typeof out === 'string') {
      res.writeHead(200, { 'Content-Type': csv ? 'text/csv' : 'application/sparql-results+json' });
      res.end(out);
    } else {
      res.writeHead(200, { 'Content-Type': 'application/n-triples' });
      res.end(String(out));
    }
  } catch (e) {
    res.writeHead(400, { 'Content-Type': 'text/plain' });
    res.end(String(e));
  }
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname !== '/sparql') { res.writeHead(404); res.end(); return; }
  if (req.method === 'GET') return answer(url.searchParams.get('query'), req.headers.accept, res);
  let body = '';
  req.on('data', c => { body += c; });
  req.on('end', () => {
    const ct = req.headers['content-type'] || '';
    const q = ct.startsWith('application/sparql-query') ? body : new URLSearchParams(body).get('query');
    answer(q, req.headers.accept, res);
  });
}).listen(Number(port), '127.0.0.1', () => console.log(`oxigraph serving on 127.0.0.1:${port}`));
