// Browser adapters for the engine smoke tests: Firefox ESR over WebDriver BiDi (puppeteer-core) and WebKitGTK through
// WebKitWebDriver + MiniBrowser (selenium-webdriver). Both offer the same small interface to tests/engines/story.mjs.
import { spawn } from 'node:child_process';
import { clearTimeout } from 'node:timers';
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import net from 'node:net';
import puppeteer from 'puppeteer-core';
import { Builder, Key } from 'selenium-webdriver';
import { hookErrors } from '../../tests/engines/page.mjs';

export const FIREFOX = '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WIDTH = 1280;
const HEIGHT = 900;

/** Which engines are installed: a missing one names its install command. */
export const ENGINES = {
  firefox: { available: () => fs.existsSync(FIREFOX), install: 'apt-get install -y firefox-esr xvfb' },
  webkit: {
    available: () => fs.existsSync(WEBKIT_DRIVER) && fs.existsSync(MINIBROWSER) && Boolean(process.env.DISPLAY),
    install: 'apt-get install -y webkit2gtk-driver xvfb (WebKit runs under xvfb-run)',
  },
};

/**
 * @typedef {object} Browser
 * @property {string} name
 * @property {string} version
 * @property {(url: string) => Promise<void>} open
 * @property {<T>(fn: (...args: never[]) => T | Promise<T>, ...args: unknown[]) => Promise<T>} run
 * @property {() => Promise<void>} pointer a reader's pointer moving over the page
 * @property {(key: 'forward' | 'back', lang: string) => Promise<void>} step
 * @property {(file: string) => Promise<void>} screenshot
 * @property {() => string[]} logErrors errors the browser itself reported (BiDi log entries); [] where it reports none
 * @property {() => Promise<void>} close
 * @property {string[]} [retried] why earlier attempts to start the browser failed (WebKit)
 */

/** @returns {Promise<Browser>} */
export async function firefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: !process.env.DISPLAY, // under xvfb-run it has WebGL (llvmpipe); headless it has none
    defaultViewport: null, // setViewport needs a BiDi command this Firefox lacks
    args: [`--width=${WIDTH}`, `--height=${HEIGHT}`],
  });
  const page = await browser.newPage();
  // Firefox reports every console.error, uncaught exception and unhandled rejection of the page (with its stack)
  // through BiDi log entries, from the first script on. No in-page hooks: a preload script (evaluateOnNewDocument)
  // makes Firefox's remote agent itself now and then log "Permission denied to access property "length"" (an
  // exception with no stack, thrown by the agent's own code as about:blank gives way to the page), which is no page error.
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`exception: ${e instanceof Error ? `${e.message} ${e.stack ?? ''}`.trim() : String(e)}`));
  return {
    name: 'firefox',
    version: await browser.version(),
    open: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    run: (fn, ...args) => page.evaluate(fn, ...args),
    pointer: async () => {
      await page.mouse.move(300, 300);
      await page.mouse.move(700, 500, { steps: 5 });
    },
    step: (key, lang) => page.keyboard.press(arrow(key, lang)),
    screenshot: async (file) => void (await page.screenshot({ path: file })),
    logErrors: () => errors,
    close: () => browser.close(),
  };
}

/** The forward / back arrow key of the story (map-story.ts onKey): reversed in the Arabic edition. */
function arrow(key, lang) {
  const forward = lang === 'ar' ? 'ArrowLeft' : 'ArrowRight';
  const back = lang === 'ar' ? 'ArrowRight' : 'ArrowLeft';
  return key === 'forward' ? forward : back;
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, timeout = 10000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(socket.end() && true)).on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on ${port}`);
}

/** One WebKitWebDriver (and the MiniBrowser it starts) in a process group of its own, so that closing ends both. */
async function webkitSession() {
  const port = await freePort();
  // Without an accessibility bus GTK can wait for one at start-up (at-spi), long enough to time the session out.
  const env = { ...process.env, NO_AT_BRIDGE: '1', GTK_A11Y: 'none' };
  const service = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore', detached: true, env });
  const exited = new Promise((resolve) => service.once('exit', resolve));
  const kill = async () => {
    try {
      process.kill(-service.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  };
  let timer;
  try {
    const start = (async () => {
      await waitForPort(port);
      const capabilities = { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } };
      const driver = await new Builder().withCapabilities(capabilities).usingServer(`http://127.0.0.1:${port}`).build();
      await driver.manage().window().setRect({ width: WIDTH, height: HEIGHT }); // narrower than ~447 px is refused
      return driver;
    })();
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no WebKit session within ${WEBKIT_START / 1000} s`)), WEBKIT_START);
    });
    const driver = await Promise.race([start, timeout]);
    return { driver, kill };
  } catch (error) {
    await kill();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

const WEBKIT_START = 25000;

/** @returns {Promise<Browser>} */
export async function webkit() {
  // A session that does not start is ended (driver and browser) and tried once more: the second start has always come up.
  let session;
  const failures = [];
  for (let attempt = 1; !session && attempt <= 2; attempt++) {
    try {
      session = await webkitSession();
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (!session) throw new Error(failures.join('; '));
  const { driver, kill } = session;
  const version = (await driver.getCapabilities()).get('browserVersion') ?? '';
  const keys = { ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT };
  return {
    name: 'webkit',
    version: `WebKitGTK ${version}`,
    retried: failures,
    open: async (url) => {
      await driver.get(url);
      // WebDriver classic cannot add a script before the page's own: errors before this point go unseen.
      await driver.executeScript(`(${hookErrors})()`);
    },
    run: (fn, ...args) =>
      driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1]; Promise.resolve((${fn})(...[...arguments].slice(0, -1))).then(done, (e) => done({ scriptError: String(e) }));`,
        ...args,
      ),
    pointer: () => driver.actions().move({ x: 300, y: 300 }).move({ x: 700, y: 500, duration: 200 }).perform(),
    step: (key, lang) => driver.actions().sendKeys(keys[arrow(key, lang)]).perform(), // the wheel scrolls once a session
    screenshot: async (file) => fs.writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64')),
    logErrors: () => [], // WebKitWebDriver reports no console messages: the in-page hooks collect them
    close: async () => {
      await Promise.race([driver.quit().catch(() => undefined), new Promise((r) => setTimeout(r, 10000))]);
      await kill(); // the driver and any MiniBrowser left behind: the next session starts clean
    },
  };
}
