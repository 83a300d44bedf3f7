/**
 * The HTML report as a person sees it: the examples' report opened in a real headless Chromium (the
 * Debian package), with no console error and no network request, every resource of the input in the
 * table and on the map, sorting, filtering and printing working, and a screenshot kept in
 * docs/report-screenshot.png for the README.
 *
 * Without Chromium the test is skipped with a warning on a workstation, and fails under CI (CI set, as
 * GitLab and GitHub do, or SOUVERAIN_REQUIRE_CHROMIUM=1, as .ci/run does): a missing install must not hide.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, findChromium, type CdpEvent } from "./helpers/chromium.js";
import { repoRoot } from "./helpers/root.js";
import { souverain } from "./helpers/souverain.js";

const chromium = findChromium();
const required = ["CI", "SOUVERAIN_REQUIRE_CHROMIUM"].some((v) => process.env[v] && !["0", "false"].includes(process.env[v]!.toLowerCase()));
const SCREENSHOT = join(repoRoot, "docs", "report-screenshot.png");

const inputIds = readdirSync(join(repoRoot, "examples", "canonical"))
  .flatMap((f) => (JSON.parse(readFileSync(join(repoRoot, "examples", "canonical", f), "utf8")) as { resources: { id: string }[] }).resources.map((r) => r.id))
  .sort();

if (!chromium && !required) {
  console.warn(
    "\n\n########################################################################\n" +
      "#  SKIPPED: the HTML report's browser test. No Chromium on PATH.        #\n" +
      "#  apt-get install -y chromium (or set CHROMIUM=/path/to/chrome)       #\n" +
      "########################################################################\n",
  );
}

describe.skipIf(!chromium && !required)("the HTML report in a real Chromium", () => {
  let browser: Browser;
  let session: string;
  const events: CdpEvent[] = [];
  let url: string;

  beforeAll(async () => {
    if (!chromium) throw new Error("no Chromium on PATH (apt-get install -y chromium, or set CHROMIUM): the browser test is required under CI");
    const file = join(mkdtempSync(join(tmpdir(), "souverain-html-")), "report.html");
    // A fixed date, so that the screenshot kept in docs/ changes only when the report does.
    const run = souverain(["check", "examples/canonical", "--config", "examples/souverain.config.json", "--lang", "fr", "--format", "html", "--output", file], {
      env: { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 24) / 1000) },
    });
    expect(run.code, run.stderr).toBe(1);
    url = pathToFileURL(file).href;
    browser = Browser.launch(chromium);
    browser.on((e) => events.push(e));
    session = await browser.page();
    for (const domain of ["Runtime", "Log", "Network", "Page"]) await browser.send(`${domain}.enable`, {}, session);
    await browser.send("Emulation.setDeviceMetricsOverride", { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false }, session);
    const loaded = browser.waitFor("Page.loadEventFired", session);
    await browser.send("Page.navigate", { url }, session);
    await loaded;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const evaluate = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = (await browser.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true }, session)) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  };

  /** Console errors, uncaught exceptions, and requests for anything but the report itself, so far. */
  const problems = () => ({
    errors: events
      .filter(
        (e) =>
          e.sessionId === session &&
          (e.method === "Runtime.exceptionThrown" ||
            (e.method === "Runtime.consoleAPICalled" && ["error", "assert"].includes(e.params.type as string)) ||
            (e.method === "Log.entryAdded" && (e.params.entry as { level: string }).level === "error")),
      )
      .map((e) => JSON.stringify(e.params).slice(0, 500)),
    requests: events
      .filter((e) => e.sessionId === session && e.method === "Network.requestWillBeSent")
      .map((e) => (e.params.request as { url: string }).url)
      .filter((u) => u !== url),
  });

  it("loads with no console error and no network request other than the file itself", () => {
    expect(events.some((e) => e.method === "Network.requestWillBeSent" && (e.params.request as { url: string }).url === url)).toBe(true);
    expect(problems()).toEqual({ errors: [], requests: [] });
  });

  it("lists every resource of the input in the table, and places every one on the map", async () => {
    const shown = await evaluate<{ rows: string[]; markers: string[]; hidden: string[] }>(`(() => {
      const svg = document.querySelector("svg.map").getBoundingClientRect();
      const markers = [...document.querySelectorAll("svg.map .marker")];
      const inside = (m) => { const r = m.getBoundingClientRect(); return r.width > 0 && r.left >= svg.left && r.right <= svg.right && r.top >= svg.top && r.bottom <= svg.bottom; };
      return {
        rows: [...document.querySelectorAll("#resources tbody tr")].map((tr) => tr.dataset.resource),
        markers: [...new Set(markers.map((m) => m.dataset.resource))],
        hidden: markers.filter((m) => !inside(m)).map((m) => m.dataset.resource),
      };
    })()`);
    expect(shown.rows.sort()).toEqual(inputIds);
    expect(shown.markers.sort()).toEqual(inputIds);
    expect(shown.hidden).toEqual([]);
  });

  it("shows the verdict, and each resource's decision in its row", async () => {
    const page = await evaluate<{ verdict: string; decisions: Record<string, string> }>(`({
      verdict: document.getElementById("verdict").textContent,
      decisions: Object.fromEntries([...document.querySelectorAll("#resources tbody tr")].map((tr) => [tr.dataset.resource, tr.querySelector(".decision").textContent])),
    })`);
    expect(page.verdict).toBe("BLOQUÉ\u00a0: ne pas déployer");
    expect(page.decisions).toMatchObject({ "bucket-sensible-aws-paris": "bloquée", "crm-usagers-virginie": "dérogation", "dossiers-sensibles": "conforme", "tableur-non-classe": "avertissement" });
  });

  it("filters by text and by decision, and sorts by a column", async () => {
    const result = await evaluate<{ hetzner: string[]; count: string; compliant: number; sorted: string[] }>(`(() => {
      const text = document.getElementById("filter-text");
      const decision = document.getElementById("filter-decision");
      const visible = () => [...document.querySelectorAll("#resources tbody tr")].filter((tr) => !tr.hidden).map((tr) => tr.dataset.resource);
      text.value = "hetzner";
      text.dispatchEvent(new Event("input"));
      const hetzner = visible();
      const count = document.getElementById("shown").textContent;
      text.value = "";
      text.dispatchEvent(new Event("input"));
      decision.value = "compliant";
      decision.dispatchEvent(new Event("change"));
      const compliant = visible().length;
      decision.value = "";
      decision.dispatchEvent(new Event("change"));
      document.querySelector("#resources thead th").click();
      return { hetzner, count, compliant, sorted: visible() };
    })()`);
    expect(result.hetzner).toEqual(["imagerie-medicale-hetzner"]);
    expect(result.count).toBe("1");
    expect(result.compliant).toBe(7);
    const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });
    expect(result.sorted).toEqual([...inputIds].sort(collator.compare));
  });

  it("prints to PDF", async () => {
    const { data } = (await browser.send("Page.printToPDF", { landscape: true, printBackground: true }, session)) as { data: string };
    const pdf = Buffer.from(data, "base64");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it("takes the screenshot kept in docs/report-screenshot.png (SOUVERAIN_WRITE_SCREENSHOT=1 rewrites it)", async () => {
    // Back to the order and filters a reader first sees.
    const loaded = browser.waitFor("Page.loadEventFired", session);
    await browser.send("Page.reload", {}, session);
    await loaded;
    // The top of the page: the verdict, the summaries, the map and the first rows of the table.
    const { cssContentSize } = (await browser.send("Page.getLayoutMetrics", {}, session)) as { cssContentSize: { width: number; height: number } };
    expect(cssContentSize.width).toBe(1280);
    const { data } = (await browser.send(
      "Page.captureScreenshot",
      { format: "png", captureBeyondViewport: true, clip: { x: 0, y: 0, width: 1280, height: Math.min(cssContentSize.height, 1900), scale: 1 } },
      session,
    )) as { data: string };
    const png = Buffer.from(data, "base64");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    // docs/ keeps the one the README shows: rewritten only when asked (fonts differ between machines,
    // and a test run must change no tracked file), else written beside the test's other outputs.
    writeFileSync(process.env.SOUVERAIN_WRITE_SCREENSHOT === "1" ? SCREENSHOT : join(tmpdir(), "souverain-report-screenshot.png"), png);
    expect(png.length).toBeGreaterThan(50_000);
    // Sorting, filtering, printing and reloading made no error and no request either.
    expect(problems()).toEqual({ errors: [], requests: [] });
  });
});
