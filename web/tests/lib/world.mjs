// The world the browser tests play in: a fresh SQLite database prepared with the erflow
// CLI (plans deployed, users with passwords, demo signing certificates imported), and
// `erflow serve` started on a free loopback port with its clock fixed by --now (restarted
// at a later --now to move time on). Also a small API client for steps the browser does
// not need to show (the handling tasks between activation and the end of the response).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export class World {
  constructor({ erflow, source, work }) {
    this.erflow = erflow;
    this.source = source;
    this.work = work;
    this.db = path.join(work, 'erflow.db');
    this.certs = path.join(work, 'certs');
    this.server = null;
    this.serverLog = path.join(work, 'server.log');
  }

  // Runs `erflow --db DB --now NOW ARGS…`; throws with its stderr unless it exits 0.
  cli(args, { now = '2025-09-29T09:00:00+08:00', input } = {}) {
    const r = spawnSync(this.erflow, ['--db', this.db, '--now', now, '--data', this.source, ...args],
      { input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`erflow ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  }

  script(name, args) {
    const r = spawnSync(path.join(this.source, 'scripts', name), args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`scripts/${name} failed: ${r.stderr}`);
  }

  // users: [{name, display, roles, unit, scope, key}] — `key`: gets a demo certificate.
  prepare(users, password) {
    fs.rmSync(this.work, { recursive: true, force: true });
    fs.mkdirSync(this.work, { recursive: true });
    this.cli(['definitions', 'deploy']);
    for (const u of users) {
      const args = ['users', 'add', u.name, '--unit', u.unit, '--display', u.display];
      for (const r of u.roles) args.push('--role', r);
      if (u.scope) args.push('--scope', u.scope);
      this.cli(args);
      this.cli(['users', 'password', u.name], { input: `${password}\n` });
    }
    this.script('make-demo-ca', [this.certs]);
    const signers = users.filter((u) => u.key);
    this.script('make-demo-cert', [this.certs, ...signers.map((u) => `${u.name}=${u.display}`)]);
    const pass = fs.readFileSync(path.join(this.certs, 'PASSWORD'), 'utf8').trim();
    for (const u of signers)
      this.cli(['keys', 'import', u.name, path.join(this.certs, `${u.name}.p12`), '--password-stdin'], { input: `${pass}\n` });
  }

  // Starts `erflow serve` on a free port with the clock at `now`; resolves to the base URL.
  async start(now) {
    await this.stop();
    const config = path.join(this.work, 'server.properties');
    fs.writeFileSync(config, [
      'server.port = 0',
      `server.web_root = ${path.join(this.source, 'web')}`,
      `calendar.folder = ${path.join(this.source, 'calendars')}`,
      `server.access_log = ${path.join(this.work, 'access.log')}`,
      'sweeper.interval_ms = 200',
      '',
    ].join('\n'));
    const log = fs.openSync(this.serverLog, 'a');
    fs.writeSync(log, `\n==== erflow serve --now ${now}\n`);
    const child = spawn(this.erflow, ['--db', this.db, '--now', now, '--data', this.source, 'serve', '--config', config],
      { stdio: ['ignore', 'pipe', log] });
    this.server = child;
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`erflow serve did not start in 20 s: ${out}`)), 20000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/listening on (http:\/\/[^\s]+)/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`erflow serve exited (${code}) at start-up; see ${this.serverLog}`));
      });
    });
    this.url = url;
    // Let the sweeper fire what is due at this moment (missed deadlines, escalations).
    await new Promise((r) => setTimeout(r, 600));
    return url;
  }

  async stop() {
    const child = this.server;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
    await exited;
    clearTimeout(timer);
    this.server = null;
  }

  serverLogTail(lines = 40) {
    try {
      return fs.readFileSync(this.serverLog, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }
}

// The API as a signed-in user, for set-up steps (node's fetch, cookie and CSRF by hand).
export class ApiUser {
  // `world`: its url is read at each request (a restarted server listens on a new port).
  constructor(world, name, password) {
    this.world = world;
    this.name = name;
    this.password = password;
    this.cookie = '';
    this.csrf = '';
  }

  async signIn() {
    const res = await fetch(`${this.world.url}/api/v1/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: this.name, password: this.password }),
    });
    if (!res.ok) throw new Error(`sign-in of ${this.name}: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.get('set-cookie') || '').split(';')[0];
    this.csrf = (await res.json()).csrf_token;
    return this;
  }

  async call(method, p, body) {
    const headers = { Cookie: this.cookie };
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${this.world.url}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    if (!res.ok) throw new Error(`${this.name}: ${method} ${p} → ${res.status} ${text}`);
    return json;
  }

  caseOf(id) {
    return this.call('GET', `/api/v1/cases/${id}`);
  }

  // Acts on the open instance of task `node` with the case's current version.
  async act(id, node, action, extra = {}) {
    const c = await this.caseOf(id);
    const task = c.tasks.find((t) => t.node === node && t.state === 'open');
    if (!task) throw new Error(`case ${id} has no open task ${node}`);
    return this.call('POST', `/api/v1/cases/${id}/tasks/${task.id}/${action}`, { version: c.version, ...extra });
  }
}
