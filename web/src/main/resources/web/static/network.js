// SPDX-License-Identifier: Apache-2.0
// Network page: the model grouped by compartment (compound nodes, preset layout), each compartment collapsed to one box
// until opened; evidence on click, search, colours from a run.
'use strict';

H2.header('Network');

const PALETTE = ['#8e6c8a', '#4e79a7', '#59a14f', '#edc948', '#e15759', '#f28e2b', '#76b7b2', '#b07aa1', '#9c755f', '#ff9da7',
  '#86bcb6', '#d37295', '#bab0ac', '#79706e', '#499894'];

/** Positions: each compartment a block of nodes in a small grid, blocks packed in rows. */
function layout(model) {
  const byComp = new Map(model.compartments.map(c => [c, []]));
  for (const n of model.nodes) byComp.get(n.compartment).push(n);
  const pos = {};
  const cellW = 110, cellH = 46, gap = 70, maxRow = 1900;
  let x = 0, y = 0, rowH = 0;
  for (const [comp, nodes] of byComp) {
    const cols = Math.max(2, Math.ceil(Math.sqrt(nodes.length * 1.8)));
    const w = cols * cellW, h = Math.ceil(nodes.length / cols) * cellH;
    if (x > 0 && x + w > maxRow) { x = 0; y += rowH + gap; rowH = 0; }
    nodes.forEach((n, i) => { pos[n.id] = { x: x + (i % cols) * cellW, y: y + Math.floor(i / cols) * cellH }; });
    x += w + gap;
    rowH = Math.max(rowH, h);
  }
  return pos;
}

function colourOf(p) {
  // white (0) to deep red (1)
  const t = Math.max(0, Math.min(1, p));
  const r = 255, g = Math.round(255 - 200 * t), b = Math.round(255 - 215 * t);
  return `rgb(${r},${g},${b})`;
}

/** Smallest label size drawn on screen, in px: Cytoscape skips labels that zooming would shrink below it. */
const MIN_LABEL_PX = 11;
/** Node label size, and the least zoom that draws node labels (with half a pixel to spare). */
const NODE_FONT = 12;
const READABLE_ZOOM = (MIN_LABEL_PX + 0.5) / NODE_FONT;

async function main() {
  const model = await H2.loadModel();
  const pos = layout(model);
  const compColour = {};
  model.compartments.forEach((c, i) => { compColour[c] = PALETTE[i % PALETTE.length]; });
  const members = new Map(model.compartments.map(c => [c, model.nodes.filter(n => n.compartment === c)]));
  const elements = [];
  for (const c of model.compartments) {
    elements.push({ data: { id: 'comp:' + c, label: c, compound: 1 }, classes: 'compartment' });
    // the compartment collapsed: one box on the same footprint as its nodes
    const xs = members.get(c).map(n => pos[n.id].x), ys = members.get(c).map(n => pos[n.id].y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    elements.push({ data: { id: 'box:' + c, comp: c, label: `${c}\n${members.get(c).length} nodes`, colour: compColour[c],
      w: x1 - x0 + 130, h: y1 - y0 + 80 }, position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, classes: 'box' });
  }
  for (const n of model.nodes) {
    elements.push({ data: { id: n.id, label: n.id, parent: 'comp:' + n.compartment, colour: compColour[n.compartment], kind: n.kind }, position: pos[n.id] });
  }
  model.edges.forEach((e, i) => elements.push({ data: { id: 'e' + i, source: e.source, target: e.target, sign: e.sign } }));
  const cy = cytoscape({
    container: document.getElementById('cy'),
    elements,
    layout: { name: 'preset', fit: false },
    minZoom: 0.1, maxZoom: 3, wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': NODE_FONT, 'min-zoomed-font-size': MIN_LABEL_PX, 'text-valign': 'center',
        'text-halign': 'center', 'shape': 'round-rectangle', 'width': 96, 'height': 28, 'background-color': 'data(colour)',
        'background-opacity': 0.25, 'border-width': 1, 'border-color': 'data(colour)', 'color': '#1d2430' } },
      { selector: 'node[kind = "phenotype"]', style: { 'border-width': 3, 'font-weight': 'bold' } },
      { selector: '.compartment', style: { 'shape': 'round-rectangle', 'background-color': '#f3f5f8', 'background-opacity': 1, 'border-color': '#c5ccd6',
        'border-width': 1, 'text-valign': 'top', 'text-halign': 'center', 'font-size': 24, 'font-weight': 'bold', 'color': '#4a5565', 'padding': 16 } },
      { selector: '.box', style: { 'width': 'data(w)', 'height': 'data(h)', 'font-size': 30, 'font-weight': 'bold', 'text-wrap': 'wrap',
        'text-max-width': 'data(w)', 'background-opacity': 0.18, 'border-width': 2 } },
      { selector: '.collapsed', style: { 'display': 'none' } },
      { selector: 'edge', style: { 'width': 1, 'curve-style': 'bezier', 'opacity': 0.35, 'line-color': '#888', 'target-arrow-color': '#888', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.7 } },
      { selector: 'edge.summary', style: { 'width': 'data(width)', 'opacity': 0.3, 'arrow-scale': 1.2 } },
      { selector: 'edge[sign = "+"]', style: { 'line-color': '#2e7d32', 'target-arrow-color': '#2e7d32' } },
      { selector: 'edge[sign = "-"]', style: { 'line-color': '#c62828', 'target-arrow-color': '#c62828', 'target-arrow-shape': 'tee' } },
      { selector: '.faded', style: { 'opacity': 0.18 } },
      { selector: 'edge.hl', style: { 'opacity': 0.95, 'width': 2 } },
      { selector: 'node.hl', style: { 'border-width': 3, 'border-color': '#1d2430' } },
      { selector: 'node.found', style: { 'border-width': 5, 'border-color': '#3b6fb6' } },
      { selector: 'node.prob', style: { 'background-color': 'data(probColour)', 'background-opacity': 1 } }
    ]
  });
  window.cy = cy;
  legend(model, compColour, false);
  const open = new Set();

  /**
   * Shows the open compartments' nodes and the other compartments as one box each. An edge runs
   * between what stands for its ends (a node, or its closed compartment's box); edges between boxes
   * are summed into one per pair and sign, wider for more.
   */
  function redraw() {
    cy.batch(() => {
      cy.remove('edge.summary');
      for (const c of model.compartments) {
        const shown = open.has(c);
        cy.getElementById('comp:' + c).toggleClass('collapsed', !shown);
        cy.getElementById('comp:' + c).children().toggleClass('collapsed', !shown);
        cy.getElementById('box:' + c).toggleClass('collapsed', shown);
      }
      const standIn = id => {
        const c = cy.getElementById(id).data('parent').slice(5);
        return open.has(c) ? id : 'box:' + c;
      };
      const summed = new Map();
      model.edges.forEach((e, i) => {
        const [s, t] = [standIn(e.source), standIn(e.target)];
        const direct = s === e.source && t === e.target;
        cy.getElementById('e' + i).toggleClass('collapsed', !direct);
        if (!direct && s !== t) {
          const key = s + '|' + t + '|' + e.sign;
          summed.set(key, (summed.get(key) || 0) + 1);
        }
      });
      cy.add([...summed].map(([key, count]) => {
        const [s, t, sign] = key.split('|');
        return { group: 'edges', data: { id: 'sum:' + key, source: s, target: t, sign, count, width: 1 + Math.log2(count) }, classes: 'summary' };
      }));
    });
    document.getElementById('expand-all').disabled = open.size === model.compartments.length;
    document.getElementById('collapse-all').disabled = open.size === 0;
  }

  /** Opens the compartments of these nodes (none: every compartment). */
  function expand(ids) {
    const comps = ids ? ids.map(id => cy.getElementById(id)).filter(n => n.nonempty() && n.data('parent')).map(n => n.data('parent').slice(5))
      : model.compartments;
    comps.forEach(c => open.add(c));
    redraw();
  }

  /** Centres these nodes, zoomed in far enough that node labels are drawn (at least 11 px), out to fit them if they can. */
  function focus(nodes) {
    const ps = nodes.not('.compartment').not('.box').map(n => n.position());
    if (!ps.length) return;
    const xs = ps.map(p => p.x), ys = ps.map(p => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs) - 70, Math.max(...xs) + 70, Math.min(...ys) - 50, Math.max(...ys) + 50];
    const zoom = Math.max(Math.min(cy.width() / (x1 - x0), cy.height() / (y1 - y0), 1.5), READABLE_ZOOM);
    cy.animate({ zoom, pan: { x: cy.width() / 2 - zoom * (x0 + x1) / 2, y: cy.height() / 2 - zoom * (y0 + y1) / 2 } }, { duration: 300 });
  }

  cy.on('tap', '.box', ev => {
    const c = ev.target.data('comp');
    open.add(c);
    redraw();
    focus(cy.getElementById('comp:' + c).children());
  });
  document.getElementById('expand-all').addEventListener('click', () => {
    expand(null);
    // the whole network does not fit at a readable zoom: start at its top left corner
    const zoom = READABLE_ZOOM;
    const x0 = Math.min(...model.nodes.map(n => pos[n.id].x)) - 80, y0 = Math.min(...model.nodes.map(n => pos[n.id].y)) - 70;
    cy.animate({ zoom, pan: { x: -zoom * x0, y: -zoom * y0 } }, { duration: 300 });
  });
  document.getElementById('collapse-all').addEventListener('click', () => { open.clear(); redraw(); cy.fit(cy.nodes(':visible'), 20); });
  redraw();
  cy.fit(cy.nodes(':visible'), 20);

  const evidence = document.getElementById('evidence');
  async function show(name) {
    try {
      const ev = await H2.api('/api/evidence/' + encodeURIComponent(name));
      evidence.replaceChildren(H2.evidence(ev));
    } catch (e) {
      evidence.replaceChildren(H2.el('div', { class: 'error' }, e.message));
    }
  }
  function highlight(ids) {
    cy.elements().removeClass('hl faded');
    if (!ids) return;
    const nodes = cy.collection(ids.map(id => cy.getElementById(id)).filter(n => n.nonempty()));
    const near = nodes.union(nodes.connectedEdges());
    cy.elements().not(near).not('.compartment').addClass('faded');
    near.addClass('hl');
  }
  cy.on('tap', 'node', ev => {
    const n = ev.target;
    if (n.hasClass('compartment') || n.hasClass('box')) return;
    highlight([n.id()]);
    show(n.id());
  });
  cy.on('tap', ev => { if (ev.target === cy) highlight(null); });

  const list = document.getElementById('mechanisms');
  for (const m of model.mechanisms) {
    list.append(H2.el('button', { 'data-mechanism': m.id, title: m.category, onclick: ev => {
      list.querySelectorAll('button').forEach(b => b.classList.remove('active'));
      ev.currentTarget.classList.add('active');
      expand(m.nodes);
      highlight(m.nodes);
      focus(cy.nodes('.hl'));
      show(m.id);
    } }, m.name));
  }

  const names = document.getElementById('node-names');
  model.nodes.forEach(n => names.append(H2.el('option', { value: n.id })));
  const find = document.getElementById('find');
  const search = () => {
    const want = find.value.trim().toLowerCase();
    const hit = model.nodes.find(n => n.id.toLowerCase() === want) || model.nodes.find(n => n.id.toLowerCase().includes(want));
    find.setCustomValidity(want && !hit ? 'no node matches' : '');
    cy.nodes().removeClass('found');
    if (!want || !hit) return;
    expand([hit.id]);
    const n = cy.getElementById(hit.id);
    highlight([hit.id]);
    n.addClass('found');
    cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
    show(hit.id);
  };
  find.addEventListener('change', search);
  find.addEventListener('keydown', ev => { if (ev.key === 'Enter') search(); });

  const sel = document.getElementById('colour-run');
  const runs = (await H2.api('/api/runs?limit=200')).runs.filter(r => r.kind === 'predict' && r.status === 'done');
  for (const r of runs) sel.append(H2.el('option', { value: r.id }, `${r.created.slice(0, 16).replace('T', ' ')} ${r.profile} + ${r.therapies} (${r.summary || ''})`));
  async function colourBy(id) {
    cy.nodes().removeClass('prob');
    cy.nodes().not('.compartment').not('.box').forEach(n => n.data('label', n.id()));
    if (!id) { legend(model, compColour, false); return; }
    const run = await H2.api('/api/runs/' + encodeURIComponent(id));
    for (const p of run.result.phenotypes) {
      const n = cy.getElementById(p.name);
      if (n.nonempty()) { n.data('probColour', colourOf(p.treated)); n.data('label', `${p.name} ${Math.round(100 * p.treated)}%`); n.addClass('prob'); }
    }
    expand(cy.nodes('.prob').map(n => n.id()));
    focus(cy.nodes('.prob'));
    legend(model, compColour, true);
  }
  sel.addEventListener('change', () => colourBy(sel.value));
  const want = H2.param('run');
  if (want) { sel.value = want; await colourBy(want); }
  document.body.dataset.ready = '1';
}

function legend(model, compColour, prob) {
  const box = document.getElementById('legend');
  box.replaceChildren();
  if (prob) {
    box.append(H2.el('span', {}, 'treated probability: '), ...[0, 0.25, 0.5, 0.75, 1].map(p => H2.el('span', {}, H2.el('i', { style: 'background:' + colourOf(p) + ';border:1px solid #ccc' }), Math.round(p * 100) + '%')));
  }
  box.append(H2.el('span', {}, H2.el('i', { style: 'background:#2e7d32' }), 'activates'), H2.el('span', {}, H2.el('i', { style: 'background:#c62828' }), 'inhibits'));
}

main().catch(e => { document.getElementById('evidence').replaceChildren(H2.el('div', { class: 'error' }, 'Could not load the model: ' + e.message)); });
