/* global window, document, requestAnimationFrame */
// Runs inside the benchmark's Chromium pages (the explorer and the bare Cytoscape page). Plain
// JavaScript on purpose: it is loaded as a script tag, never transpiled.
(function () {
  'use strict';

  /** A seeded generator, so every page draws the same graph. */
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

  const LABELS = ['Person', 'Organisation', 'Address', 'Account'];

  /** n nodes, about 1.5 n edges (a random tree plus random extra edges), and fixed positions. */
  function makeGraph(n, seed) {
    const r = random(seed);
    const side = Math.sqrt(n) * 80;
    const nodes = [];
    const edges = [];
    const positions = {};
    for (let i = 0; i < n; i++) {
      const id = 'n' + i;
      const label = LABELS[i % LABELS.length];
      nodes.push({
        id: id,
        labels: [label],
        caption: label + ' ' + i,
        properties: { name: label + ' ' + i },
        degree: 1,
      });
      positions[id] = { x: r() * side, y: r() * side };
      if (i > 0) {
        const j = Math.floor(r() * i);
        edges.push({ id: 'e' + i, type: 'LINKS', source: 'n' + j, target: id, properties: {} });
      }
    }
    for (let k = 0; k < Math.floor(n / 2); k++) {
      const a = Math.floor(r() * n);
      const b = Math.floor(r() * n);
      if (a !== b) {
        edges.push({
          id: 'x' + k,
          type: 'KNOWS',
          source: 'n' + a,
          target: 'n' + b,
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
   * A scripted pan and zoom: every frame pans a little and zooms in (first half) then out, and
   * the time between frames is recorded. The zoom path is the same whatever the count (in by
   * 1.02^60 and back out), so runs of fewer frames draw the same viewports, only fewer of them.
   */
  function panZoom(cy, count, maxMs) {
    const zoomStep = Math.pow(1.02, 120 / count);
    return new Promise(function (resolve) {
      const deltas = [];
      const started = performance.now();
      let last = started;
      let i = 0;
      const w = cy.width();
      const h = cy.height();
      function step(now) {
        if (i > 0) deltas.push(now - last);
        last = now;
        // Bounded in time too: software WebGL can take seconds per frame on big graphs.
        if (i >= count || (i >= 3 && now - started > maxMs)) {
          resolve(deltas);
          return;
        }
        const factor = i < count / 2 ? zoomStep : 1 / zoomStep;
        cy.panBy({ x: (4 * 120) / count, y: (2 * 120) / count });
        cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: w / 2, y: h / 2 } });
        i++;
        requestAnimationFrame(step);
      }
      requestAnimationFrame(step);
    });
  }

  /**
   * The page's JS heap in MB after a garbage collection where the page may ask for one
   * (Chromium with --js-flags=--expose-gc), from performance.memory (precise with
   * --enable-precise-memory-info); null where the browser does not say.
   */
  function heapMb() {
    if (typeof window.gc === 'function') window.gc();
    const m = performance.memory;
    return m ? Math.round(m.usedJSHeapSize / 1048576) : null;
  }

  /** A hook the driver may expose (a profiler started for the measured frames alone). */
  function beforeFrames() {
    return typeof window.benchBeforeFrames === 'function'
      ? window.benchBeforeFrames()
      : Promise.resolve();
  }

  function toElements(graph) {
    const els = [];
    for (const n of graph.nodes) {
      els.push({
        group: 'nodes',
        data: { id: n.id, label: n.labels[0], caption: n.caption },
        position: graph.positions[n.id],
      });
    }
    for (const e of graph.edges) {
      els.push({
        group: 'edges',
        data: { id: e.id, source: e.source, target: e.target, type: e.type },
      });
    }
    return els;
  }

  /**
   * After a fit: a simplified picture (the explorer's level of detail) is re-planned once the
   * viewport has rested; wait for that, so the frames measured are of the picture as fitted.
   */
  async function settle() {
    await new Promise(function (r) {
      setTimeout(r, 400);
    });
    await window.dossier.explorer.idle();
    return frames(2);
  }

  async function explorerRun(n, frameCount, maxMs) {
    const explorer = window.dossier.explorer;
    explorer.clear();
    await frames(2);
    const graph = makeGraph(n, 42);
    const positions = new Map(Object.entries(graph.positions));
    const t0 = performance.now();
    await explorer.add(
      { nodes: graph.nodes, edges: graph.edges },
      { kind: 'positions', positions: positions },
    );
    const t1 = await frames(2);
    const cy = window.dossier.cy();
    cy.fit(undefined, 20);
    const t2 = await settle();
    await beforeFrames();
    const deltas = await panZoom(cy, frameCount, maxMs);
    return {
      ttffMs: t1 - t0,
      settledMs: t2 - t0,
      frameMs: deltas,
      heapMb: heapMb(),
      webgl: explorer.usingWebgl,
      nodes: cy.nodes().length,
      edges: cy.edges().length,
    };
  }

  const BARE_STYLE = [
    { selector: 'node', style: { label: 'data(caption)', 'font-size': 10, width: 16, height: 16 } },
    { selector: 'edge', style: { width: 1, 'curve-style': 'haystack' } },
  ];

  async function bareRun(n, webgl, frameCount, maxMs) {
    const graph = makeGraph(n, 42);
    const container = document.getElementById('cy');
    const t0 = performance.now();
    const options = {
      container: container,
      elements: toElements(graph),
      layout: { name: 'preset' },
      style: BARE_STYLE,
    };
    if (webgl) options.renderer = { name: 'canvas', webgl: true };
    const cy = window.cytoscape(options);
    const t1 = await frames(2);
    cy.fit(undefined, 20);
    await frames(2);
    await beforeFrames();
    const deltas = await panZoom(cy, frameCount, maxMs);
    const result = {
      ttffMs: t1 - t0,
      frameMs: deltas,
      heapMb: heapMb(),
      webgl: webgl,
      nodes: cy.nodes().length,
      edges: cy.edges().length,
    };
    cy.destroy();
    return result;
  }

  /** Layout time of one algorithm on the explorer's Cytoscape (no animation). */
  async function layoutRun(n, name) {
    const explorer = window.dossier.explorer;
    explorer.clear();
    const graph = makeGraph(n, 7);
    const positions = new Map(Object.entries(graph.positions));
    await explorer.add(
      { nodes: graph.nodes, edges: graph.edges },
      { kind: 'positions', positions: positions },
    );
    await frames(2);
    const cy = window.dossier.cy();
    const layout = cy.layout({ name: name, animate: false, randomize: true, fit: false });
    const stopped = layout.promiseOn('layoutstop');
    const t0 = performance.now();
    layout.run();
    await stopped;
    return { ms: performance.now() - t0, nodes: cy.nodes().length };
  }

  async function graphql(query, variables) {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: query, variables: variables }),
    });
    const json = await res.json();
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data;
  }

  const FIELDS =
    'nodes { id labels caption properties degree } edges { id type source target properties }';

  /**
   * Expanding one node into `limit` neighbours the way the explorer does (fetch the neighbourhood,
   * add it next to the node, place the new nodes), watching for long main-thread tasks.
   */
  async function expandRun(id, limit) {
    const explorer = window.dossier.explorer;
    explorer.clear();
    const start = await graphql('query($ids:[ID!]!){subgraph(ids:$ids){' + FIELDS + '}}', {
      ids: [id],
    });
    await explorer.add(start.subgraph, { kind: 'layout' });
    await frames(3);
    const tasks = [];
    const observer = new PerformanceObserver(function (list) {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const t0 = performance.now();
    const data = await graphql(
      'query($ids:[ID!]!,$limit:Int){neighbourhood(ids:$ids,limit:$limit){' + FIELDS + '}}',
      { ids: [id], limit: limit },
    );
    const added = await explorer.add(data.neighbourhood, { kind: 'near', near: id });
    const t1 = await frames(3);
    // Long tasks are reported after they end; give the observer a moment.
    await new Promise(function (r) {
      setTimeout(r, 300);
    });
    observer.disconnect();
    return {
      ms: t1 - t0,
      longestTaskMs: tasks.length ? Math.max.apply(null, tasks) : 0,
      longTasks: tasks.length,
      nodesAdded: added.length,
      nodesOnScreen: window.dossier.cy().nodes().length,
    };
  }

  function webgl2() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch {
      return false;
    }
  }

  /**
   * For runs driven by real input (Playwright's mouse wheel and drag): the graph is drawn and
   * fitted here, then the frame recorder runs until stopFrames(). Cytoscape's viewport options
   * (textureOnViewport, hideEdgesOnViewport) apply to gestures only, not to cy.zoom()/panBy().
   */
  async function gestureSetup(n, bare, webgl) {
    let cy;
    const graph = makeGraph(n, 42);
    const t0 = performance.now();
    if (bare) {
      const options = {
        container: document.getElementById('cy'),
        elements: toElements(graph),
        layout: { name: 'preset' },
        style: BARE_STYLE,
      };
      if (webgl) options.renderer = { name: 'canvas', webgl: true };
      cy = window.cytoscape(options);
    } else {
      window.dossier.explorer.clear();
      await frames(2);
      await window.dossier.explorer.add(
        { nodes: graph.nodes, edges: graph.edges },
        { kind: 'positions', positions: new Map(Object.entries(graph.positions)) },
      );
      cy = window.dossier.cy();
    }
    const t1 = await frames(2);
    cy.fit(undefined, 20);
    const t2 = bare ? await frames(2) : await settle();
    window.__gesture = { deltas: [], last: performance.now(), on: true };
    const g = window.__gesture;
    (function tick(now) {
      if (!g.on) return;
      g.deltas.push(now - g.last);
      g.last = now;
      requestAnimationFrame(tick);
    })(performance.now());
    return {
      ttffMs: t1 - t0,
      settledMs: bare ? undefined : t2 - t0,
      webgl: bare ? webgl : window.dossier.explorer.usingWebgl,
      nodes: cy.nodes().length,
      edges: cy.edges().length,
    };
  }

  async function gestureStop() {
    const g = window.__gesture;
    // The frame that follows the last input (Cytoscape's full redraw once the gesture ends).
    await frames(3);
    g.on = false;
    return { frameMs: g.deltas.slice(1), heapMb: heapMb() };
  }

  window.benchRender = {
    gestureSetup: gestureSetup,
    gestureStop: gestureStop,
    explorerRun: explorerRun,
    bareRun: bareRun,
    layoutRun: layoutRun,
    expandRun: expandRun,
    webgl2: webgl2,
  };
})();
