/* global window, document, requestAnimationFrame */
// Runs inside the benchmark's Chromium page on the explorer: the timeline with n dated elements
// on screen. Plain JavaScript: loaded as a script tag.
(function () {
  'use strict';

  const DAY = 86400000;
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  const frames = (k) =>
    new Promise((resolve) => {
      const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
      step(k);
    });
  async function until(test, what, ms) {
    const end = performance.now() + (ms || 120000);
    while (!test()) {
      if (performance.now() > end) throw new Error('timed out waiting for ' + what);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Resolves once no long task has run for `ms` (or after `max` ms in all). */
  async function quiet(ms, max) {
    let last = performance.now();
    const observer = new PerformanceObserver(() => (last = performance.now()));
    observer.observe({ type: 'longtask', buffered: false });
    const end = performance.now() + max;
    while (performance.now() - last < ms && performance.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
    }
    observer.disconnect();
  }

  /**
   * n dated nodes over five years, as the story and POLE date them: day points (start only), month
   * bands and inferred season bands (start/end with datePrecision), at fixed grid positions.
   */
  function makeGraph(n) {
    const nodes = [];
    const positions = new Map();
    const t0 = Date.UTC(2015, 0, 1);
    for (let i = 0; i < n; i++) {
      const id = 't' + i;
      const day = t0 + ((i * 7919) % 1826) * DAY;
      const kind = i % 10;
      const start = iso(day);
      const properties =
        kind < 7
          ? { name: 'Fact ' + i, start: start }
          : kind < 9
            ? {
                name: 'Fact ' + i,
                start: start.slice(0, 8) + '01',
                end: iso(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 0)),
                datePrecision: 'month',
              }
            : {
                name: 'Fact ' + i,
                start: start,
                end: iso(day + 91 * DAY),
                datePrecision: 'season',
                dateInferred: true,
              };
      nodes.push({
        id: id,
        labels: ['Event'],
        caption: 'Fact ' + i,
        properties: properties,
        degree: 0,
      });
      positions.set(id, { x: (i % 150) * 40, y: Math.floor(i / 150) * 40 });
    }
    return { nodes: nodes, edges: [], positions: positions };
  }

  /**
   * Puts n dated nodes on screen and waits for the timeline to show them all; then draws the
   * timeline again three times (its `refresh` event: the canvas is not redrawn), each timed from
   * the event to two frames after the render (so layout and paint are in), with the longest
   * main-thread task meanwhile. `renderMs` is the timeline's own work (collect, bin, build the SVG).
   */
  async function run(n) {
    const d = window.dossier;
    const root = document.getElementById('timeline');
    await until(() => root && root.dataset.renders, 'the timeline to load');
    d.explorer.clear();
    await d.explorer.idle();
    const g = makeGraph(n);
    await d.explorer.add(
      { nodes: g.nodes, edges: g.edges },
      { kind: 'positions', positions: g.positions },
    );
    await d.explorer.idle();
    await until(() => root.dataset.marks === String(n), n + ' marks on the timeline');
    // Drawing 20,000 nodes the first time leaves seconds of canvas work in later frames: start
    // once the main thread has been free of long tasks for a second (at most 60 s).
    await quiet(1000, 60000);
    const runs = [];
    for (let k = 0; k < 3; k++) {
      await frames(2);
      const tasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push(e.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      const before = Number(root.dataset.renders);
      const t = performance.now();
      root.dispatchEvent(new Event('refresh')); // one full render, the canvas untouched
      await until(() => Number(root.dataset.renders) > before, 'the render');
      await frames(2);
      const wall = performance.now() - t;
      await new Promise((r) => setTimeout(r, 50));
      observer.disconnect();
      runs.push({
        wallMs: wall,
        renderMs: Number(root.dataset.renderMs),
        longestTaskMs: tasks.length ? Math.max.apply(null, tasks) : 0,
        longTasks: tasks.length,
      });
    }
    const layer = root.querySelector('.tl-marks');
    const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      marks: Number(root.dataset.marks),
      mode: layer.getAttribute('data-mode'),
      unit: layer.getAttribute('data-unit'),
      bins: root.querySelectorAll('.tl-bin').length,
      wallMs: median(runs.map((r) => r.wallMs)),
      renderMs: median(runs.map((r) => r.renderMs)),
      longestTaskMs: Math.max.apply(
        null,
        runs.map((r) => r.longestTaskMs),
      ),
      longTasks: runs.reduce((a, r) => a + r.longTasks, 0),
    };
  }

  window.benchTimeline = { run: run };
})();
