// check.mjs: looks at a cxbench report in headless Chromium (driven by
// puppeteer-core, with axe-core for accessibility) and prints one JSON
// object with what it found; tests/browser-test.sh decides what passes.
//
//   node check.mjs BROWSER layout FILE.html WIDTH...
//       per width: the page's own width and every element wider than the
//       viewport (or starting left of it) that no scroll box holds
//   node check.mjs BROWSER headers FILE.html
//       the column headers of every table shown in print, per table, and
//       the text a printed copy shows (to count each header's occurrences)
//   node check.mjs BROWSER axe FILE.html
//       axe-core's violations (id, impact, help, up to 5 targets each)
//
// Exits 2 when Chromium cannot be started or the page cannot be loaded, with
// the reason on stderr: a test that cannot look must not pass.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const [browserPath, mode, file, ...rest] = process.argv.slice(2);

function fail(msg) {
  process.stderr.write(`check.mjs: ${msg}\n`);
  process.exit(2);
}

if (!browserPath || !mode || !file)
  fail("usage: node check.mjs BROWSER layout|headers|axe FILE.html [WIDTH...]");

// Runs in the page: the elements that stick out of the viewport, less those
// inside a box that scrolls or clips them (which is how a wide table is
// meant to be seen on a phone).
function overflowing() {
  const vw = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") {
        const r = a.getBoundingClientRect();
        if (r.right <= vw + 1 && r.left >= -1) return true;
      }
    }
    return false;
  };
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    if (el.className && typeof el.className === "string")
      s += "." + el.className.trim().split(/\s+/).join(".");
    return s;
  };
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if ((r.right > vw + 1 || r.left < -1) && !scrolls(el))
      out.push({ el: name(el), left: Math.round(r.left), right: Math.round(r.right),
                 text: (el.textContent || "").trim().slice(0, 60) });
  }
  return { viewport: vw, scrollWidth: document.documentElement.scrollWidth,
           offenders: out.slice(0, 20), count: out.length };
}

// Runs in the page (print media): each shown table's header cells, and
// the text shown (charts' text included).
function headers() {
  const tables = [...document.querySelectorAll("table")]
    .filter((t) => t.getClientRects().length > 0)
    .map((t) => ({
      caption: t.caption ? t.caption.textContent.trim() : "",
      headers: [...t.querySelectorAll("th[scope=col]")].map((th) => th.textContent.trim()),
    }));
  return { tables, text: document.body.innerText };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxbench-puppeteer-"));
  const args = ["--disable-gpu", "--no-first-run", "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND"];
  if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
  let browser;
  try {
    browser = await puppeteer.launch({ executablePath: browserPath, headless: true,
                                       userDataDir: dir, args, timeout: 60000 });
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    fail(`cannot start Chromium (${browserPath}): ${e.message.split("\n")[0]}`);
  }
  try {
    const page = await browser.newPage();
    const url = "file://" + path.resolve(file);
    const load = async () => {
      const r = await page.goto(url, { waitUntil: "load", timeout: 60000 });
      if (!r || !r.ok()) fail(`cannot load ${url}`);
    };
    let result;
    if (mode === "layout") {
      result = [];
      for (const w of rest.map(Number)) {
        await page.setViewport({ width: w, height: 900 });
        await load();
        result.push({ width: w, ...(await page.evaluate(overflowing)) });
      }
    } else if (mode === "headers") {
      await page.emulateMediaType("print");
      await load();
      result = await page.evaluate(headers);
    } else if (mode === "axe") {
      await page.setViewport({ width: 1280, height: 900 });
      await load();
      await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
      result = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
          count: v.nodes.length,
        }));
      });
    } else {
      fail(`unknown mode ${mode}`);
    }
    process.stdout.write(JSON.stringify(result) + "\n");
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => fail(e.stack || String(e)));
