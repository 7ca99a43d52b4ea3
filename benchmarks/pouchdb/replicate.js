// PouchDB 9 replicating to express-pouchdb (LevelDB on both sides), issue 16's yardstick.
//
//   node replicate.js DOCS.jsonl WORKDIR [BATCH]
//
// Starts express-pouchdb on 127.0.0.1 in a child process (its own LevelDB under WORKDIR),
// loads DOCS.jsonl (one JSON document a line) into a local LevelDB PouchDB (not timed),
// replicates it to the server (push, timed), then replicates the server's database into a
// fresh local one (pull, timed). Prints one JSON object: wall seconds, documents per second,
// and the CPU seconds of this process (client) and of the server process per phase.
'use strict';

const fs = require('fs');
const path = require('path');
const { fork } = require('child_process');

const TICK = 100; // Linux USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s

function serve(dir) {
  const express = require('express');
  const PouchDB = require('pouchdb');
  const Server = PouchDB.defaults({ prefix: dir + path.sep });
  const app = express();
  app.use('/', require('express-pouchdb')(Server, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  const listener = app.listen(0, '127.0.0.1', () => {
    process.send({ port: listener.address().port });
  });
  process.on('disconnect', () => process.exit(0));
}

function procCpu(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICK;
}

function selfCpu() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

async function timed(server, work) {
  const c0 = selfCpu();
  const s0 = procCpu(server.pid);
  const t0 = process.hrtime.bigint();
  const result = await work();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  return { result, wall, cpu: selfCpu() - c0, serverCpu: procCpu(server.pid) - s0 };
}

async function main(docsFile, workDir, batch) {
  const PouchDB = require('pouchdb');
  fs.mkdirSync(path.join(workDir, 'server'), { recursive: true });
  const server = fork(__filename, ['--serve', path.join(workDir, 'server')], { stdio: 'inherit' });
  const port = await new Promise((resolve, reject) => {
    server.once('message', (m) => resolve(m.port));
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  try {
    const docs = fs.readFileSync(docsFile, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
    const bytes = docs.reduce((n, d) => n + Buffer.byteLength(JSON.stringify(d)), 0);
    const local = new PouchDB(path.join(workDir, 'local'));
    for (let i = 0; i < docs.length; i += batch) {
      await local.bulkDocs(docs.slice(i, i + batch));
    }
    const remote = new PouchDB(`http://127.0.0.1:${port}/bench`);
    await remote.info(); // creates the server's database before the clock starts
    const push = await timed(server, () => PouchDB.replicate(local, remote, { batch_size: batch }));
    const fresh = new PouchDB(path.join(workDir, 'pulled'));
    const pull = await timed(server, () => PouchDB.replicate(remote, fresh, { batch_size: batch }));
    const held = (await remote.info()).doc_count;
    const pulled = (await fresh.info()).doc_count;
    if (held !== docs.length || pulled !== docs.length) {
      throw new Error(`replication incomplete: ${docs.length} docs, server ${held}, pulled ${pulled}`);
    }
    process.stdout.write(JSON.stringify({
      pouchdb_version: PouchDB.version,
      docs: docs.length,
      json_bytes_per_doc: Math.round(10 * bytes / docs.length) / 10,
      batch_size: batch,
      push_s: push.wall,
      push_docs_written: push.result.docs_written,
      push_client_cpu_s: push.cpu,
      push_server_cpu_s: push.serverCpu,
      pull_s: pull.wall,
      pull_docs_written: pull.result.docs_written,
      pull_client_cpu_s: pull.cpu,
      pull_server_cpu_s: pull.serverCpu,
    }) + '\n');
    await Promise.all([local.close(), fresh.close()]);
  } finally {
    server.disconnect();
  }
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3]);
} else {
  main(process.argv[2], process.argv[3], Number(process.argv[4] || 500)).catch((err) => {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  });
}
