// Debian's Chromium, headless, driven by playwright-core (no browser download). One
// persistent context per person (its own fresh profile folder, so cookies and the
// remembered language are theirs), screenshots numbered in the order taken.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu',
  // Without these Chromium's own connections (updates, sync, …) are refused on these
  // machines and page loads stall behind them.
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export class Browsers {
  constructor({ modules, work, base, executable = '/usr/bin/chromium' }) {
    const require = createRequire(path.join(modules, '..', 'package.json'));
    this.chromium = require('playwright-core').chromium;
    this.work = work;
    this.base = base;
    this.executable = executable;
    this.shots = path.join(work, 'screenshots');
    this.downloads = path.join(work, 'downloads');
    fs.rmSync(this.shots, { recursive: true, force: true });
    fs.rmSync(this.downloads, { recursive: true, force: true });
    fs.mkdirSync(this.shots, { recursive: true });
    fs.mkdirSync(this.downloads, { recursive: true });
    this.contexts = [];
    this.shotCount = 0;
    this.errors = [];
  }

  // A browser window for one person: a fresh profile folder each time.
  async open(who) {
    const profile = fs.mkdtempSync(path.join(this.work, `profile-${who}-`));
    const context = await this.chromium.launchPersistentContext(profile, {
      executablePath: this.executable,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      locale: 'zh-CN',
      timezoneId: 'Europe/London', // not China: the UI must show China time regardless
    });
    context.setDefaultTimeout(15000);
    this.contexts.push(context);
    const page = context.pages()[0] || (await context.newPage());
    page.on('pageerror', (e) => this.errors.push(`${who}: page error: ${e.message}`));
    page.on('console', (m) => {
      // Answers the page handles are logged by Chromium too: 401 from the first "who am
      // I" before signing in, and the 409 and 422 these scenes provoke on purpose.
      if (m.type() === 'error' && !/status of (401|409|422)\b/.test(m.text())) this.errors.push(`${who}: console: ${m.text()}`);
    });
    return page;
  }

  async signIn(page, user, password) {
    await page.goto(`${this.base}/`);
    await page.locator('#signin-user').fill(user);
    await page.locator('#signin-password').fill(password);
    await page.keyboard.press('Enter');
    await page.locator('#topbar nav a').first().waitFor();
  }

  async shot(page, name, options = {}) {
    const file = path.join(this.shots, `${String(++this.shotCount).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: !!options.fullPage });
    console.log(`  screenshot: ${file}`);
    return file;
  }

  async closeAll() {
    for (const c of this.contexts) await c.close().catch(() => {});
    this.contexts = [];
  }
}
