/* global window, document, requestAnimationFrame, MutationObserver */
// Runs inside the benchmark's Chromium page on the explorer: centrality and communities of a
// synthetic picture, through the real panel. Plain JavaScript: loaded as a script tag.
(function () {
  'use strict';

  /** A seeded generator, so every run draws the same graph. */
  function random(seed) {
    let s = seed >>> 0;
    return function () {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /**
   * n nodes and m relationships: a random tree, then random extra relationships, mostly inside
   * one of twenty clusters (so communities exist to be found), at fixed positions.
   */
  function makeGraph(n, m, seed) {
    const r = random(seed);
    const clusters = 20;
    const side = Math.sqrt(n) * 80;
    const nodes = [];
    const edges = [];
    const positions = {};
    const clusterOf = (i) => i % clusters;
    for (let i = 0; i < n; i++) {
      const id = 's' + i;
      nodes.push({
        id: id,
        labels: ['Person'],
        caption: 'Person ' + i,
        properties: { name: 'Person ' + i },
        degree: 1,
      });
      positions[id] = { x: r() * side, y: r() * side };
      if (i >= clusters) {
        // Each node hangs off an earlier node of its own cluster: twenty trees.
        const j = clusterOf(i) + clusters * Math.floor(r() * Math.floor(i / clusters));
        edges.push({ id: 'se' + i, type: 'KNOWS', source: 's' + j, target: id, properties: {} });
      }
    }
    let k = 0;
    while (edges.length < m) {
      const a = Math.floor(r() * n);
      // Nine in ten extra relationships stay in the cluster, one in ten crosses.
      const b =
        r() < 0.9
          ? clusterOf(a) + clusters * Math.floor(r() * Math.floor(n / clusters))
          : Math.floor(r() * n);
      if (a !== b && b < n) {
        edges.push({
          id: 'sx' + k++,
          type: 'KNOWS',
          source: 's' + a,
          target: 's' + b,
          properties: {},
        });
      }
    }
    return { nodes: nodes, edges: edges, positions: positions };
  }

  function frames(k) {
    return new Promise(function (resolve) {
      let left = k;
      function tick() {
        if (--left <= 0) resolve(performance.now());
        else requestAnimationFrame(tick);
      }
      requestAnimationFrame(tick);
    });
  }

  /**
   * Records when the structure panel's status changes (a mutation observer: the cheap measures
   * may come and go within one frame); resolves with those times once it reads `done`.
   */
  function statusTimes(panel) {
    const times = {};
    return new Promise(function (resolve) {
      const seen = function () {
        const s = panel.dataset.status;
        if (s && !(s in times)) times[s] = performance.now();
        // An error or a cancel ends the run too (the result then says so rather than hanging).
        if (s === 'done' || s === 'error' || s === 'cancelled') {
          observer.disconnect();
          resolve(times);
        }
      };
      const observer = new MutationObserver(seen);
      observer.observe(panel, { attributes: true, attributeFilter: ['data-status'] });
      seen();
    });
  }

  /** Resolves once a second has passed without a long task (at most a minute). */
  function settle() {
    return new Promise(function (resolve) {
      const started = performance.now();
      let last = started;
      const observer = new PerformanceObserver(function (list) {
        for (const e of list.getEntries()) last = Math.max(last, e.startTime + e.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      function check() {
        const now = performance.now();
        if (now - last > 1000 || now - started > 60000) {
          observer.disconnect();
          resolve();
        } else setTimeout(check, 100);
      }
      setTimeout(check, 100);
    });
  }

  /**
   * For comparison: the longest main-thread task while the same picture switches theme (a
   * restyle of every element that the explorer has always had), and back.
   */
  async function themeSwitch() {
    await settle();
    const tasks = [];
    const observer = new PerformanceObserver(function (list) {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    document.getElementById('btn-theme').click();
    await frames(3);
    document.getElementById('btn-theme').click();
    await frames(3);
    await new Promise(function (r) {
      setTimeout(r, 300);
    });
    observer.disconnect();
    return tasks.length ? Math.round(Math.max.apply(null, tasks)) : 0;
  }

  /**
   * Draws the graph, then opens the structure panel, colours by community and sizes by
   * betweenness (what a user clicks), and waits until every measure is back and styled, while
   * a PerformanceObserver records the main thread's long tasks.
   */
  async function run(n, m) {
    const explorer = window.dossier.explorer;
    explorer.clear();
    const graph = makeGraph(n, m, 11);
    await explorer.add(
      { nodes: graph.nodes, edges: graph.edges },
      { kind: 'positions', positions: new Map(Object.entries(graph.positions)) },
    );
    await frames(3);
    // Drawing 10,000 nodes the first time takes seconds of main-thread work spread over frames;
    // measuring starts once the page has been quiet (no long task) for a second.
    await settle();
    // The explorer's own drawing of each View change, measured alongside the panel's parts.
    const explorerProto = Object.getPrototypeOf(Object.getPrototypeOf(explorer));
    const drawNow = explorerProto.drawNow;
    if (typeof drawNow === 'function' && !drawNow.measured) {
      explorerProto.drawNow = async function (view) {
        const start = performance.now();
        const r = await drawNow.call(this, view);
        performance.measure('structure:explorer-draw', { start: start, end: performance.now() });
        return r;
      };
      explorerProto.drawNow.measured = true;
    }
    const tasks = [];
    const observer = new PerformanceObserver(function (list) {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const t0 = performance.now();
    document.getElementById('btn-structure').click();
    const box = await new Promise(function (resolve) {
      function look() {
        const el = document.getElementById('structure-communities');
        if (el) resolve(el);
        else requestAnimationFrame(look);
      }
      look();
    });
    const timed = statusTimes(document.getElementById('structure-panel'));
    box.click();
    const size = document.getElementById('structure-size');
    size.value = 'betweenness';
    size.dispatchEvent(new Event('change'));
    const times = await timed;
    const quick = times.betweenness || times.done;
    const done = times.done;
    const t1 = await frames(2);
    await new Promise(function (r) {
      setTimeout(r, 300);
    });
    observer.disconnect();
    const reference = await themeSwitch();
    const cy = window.dossier.cy();
    const panel = document.getElementById('structure-panel');
    // The panel's own main-thread parts (reading the picture, styling, the table), longest each.
    const parts = {};
    for (const e of performance.getEntriesByType('measure')) {
      if (e.name.indexOf('structure:') !== 0 || e.startTime < t0) continue;
      const k = e.name.slice('structure:'.length);
      parts[k] = Math.max(parts[k] || 0, Math.round(e.duration));
    }
    const communities = new Set(
      cy.nodes().map(function (x) {
        return x.classes().find(function (c) {
          return c.indexOf('st-c') === 0;
        });
      }),
    );
    return {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      firstColoursMs: quick - t0,
      ms: t1 - t0,
      betweennessMs: done - quick,
      longestTaskMs: tasks.length ? Math.max.apply(null, tasks) : 0,
      longTasks: tasks.length,
      workerRuns: Number(panel.dataset.workerRuns || 0),
      communityClasses: communities.size,
      sized: cy.nodes('.st-sized').length,
      parts: parts,
      themeSwitchLongestTaskMs: reference,
      status: panel.dataset.status,
    };
  }

  window.benchStructure = { run: run };
})();
