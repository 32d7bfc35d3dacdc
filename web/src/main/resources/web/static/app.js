// SPDX-License-Identifier: Apache-2.0
// Shared helpers for the workbench pages: the header, JSON requests, job polling and small formatting.
'use strict';

const H2 = {
  /** GET or POST JSON; a refusal throws an Error with .status and .field from the server's {status, field, message}. */
  async api(path, body, method) {
    const opts = body === undefined ? { method: method || 'GET' } : { method: method || 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    const r = await fetch(path, opts);
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!r.ok) {
      const err = new Error(json && json.message ? json.message : ('HTTP ' + r.status));
      err.status = r.status;
      err.field = json ? json.field : null;
      throw err;
    }
    return json;
  },

  /** The id of the job the page is running, or null. */
  currentJob: null,

  /**
   * Runs a job for a page with #progress, #status, #error and #cancel: posts body() to path, puts
   * ?run=ID in the address, shows progress, then gives a finished job's result to done(result, id).
   * A refusal shows the server's message; bad(field) may mark the field at fault. The buttons named
   * by runIds are disabled meanwhile, and #cancel enabled.
   */
  async runJob(kind, path, body, done, bad, runIds) {
    const byId = id => document.getElementById(id);
    const busy = on => {
      runIds.forEach(id => { byId(id).disabled = on; });
      byId('cancel').disabled = !on;
    };
    byId('error').textContent = '';
    busy(true);
    try {
      const job = await H2.api(path, body());
      H2.currentJob = job.id;
      history.replaceState(null, '', '?run=' + job.id);
      const end = await H2.waitJob(job.id, j => {
        H2.progress(byId('progress'), j);
        const pct = j.progress !== null && j.progress !== undefined ? ` ${Math.round(100 * j.progress)}%` : '';
        byId('status').textContent = `${kind} job ${j.id.slice(0, 8)}: ${j.status}${pct}` + (j.elapsedMs ? ` (${(j.elapsedMs / 1000).toFixed(1)} s)` : '');
      });
      H2.progress(byId('progress'), end);
      byId('status').textContent = `${kind} job ${end.id.slice(0, 8)}: ${end.status}`;
      if (end.status === 'done') done(end.result, job.id);
      else byId('error').textContent = end.error || end.status;
    } catch (e) {
      byId('error').textContent = (e.field ? e.field + ': ' : '') + e.message;
      bad(e.field);
    } finally {
      H2.currentJob = null;
      busy(false);
    }
  },

  /** Cancels the page's running job, if any. */
  async cancelJob() {
    if (H2.currentJob) {
      await H2.api('/api/jobs/' + H2.currentJob, undefined, 'DELETE').catch(e => { document.getElementById('error').textContent = e.message; });
    }
  },

  /** Polls a job until it ends; onTick gets each status. Resolves with the final job view. */
  async waitJob(id, onTick) {
    for (;;) {
      const job = await H2.api('/api/jobs/' + encodeURIComponent(id));
      if (onTick) onTick(job);
      if (!['queued', 'running', 'cancelling'].includes(job.status)) return job;
      await new Promise(res => setTimeout(res, 250));
    }
  },

  model: null,
  async loadModel() {
    if (!H2.model) H2.model = await H2.api('/api/model');
    const h = document.querySelector('header .hash');
    if (h) h.textContent = 'model ' + H2.model.modelHash.slice(0, 12);
    return H2.model;
  },

  el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  },

  num(x, digits) {
    return x === null || x === undefined ? '' : Number(x).toFixed(digits === undefined ? 3 : digits);
  },

  badge(cls) {
    const known = ['sensitive', 'partial', 'resistant'].includes(cls);
    return H2.el('span', { class: 'badge ' + (known ? cls : 'other'), id: 'response-class' }, cls);
  },

  /** Fills the page header and marks the current page. */
  header(here) {
    const pages = [['index.html', 'Network'], ['scenario.html', 'Scenario'], ['cohort.html', 'Cohort'], ['screen.html', 'Screen'],
      ['history.html', 'History']];
    const nav = H2.el('nav', {}, pages.map(([href, name]) => H2.el('a', { href, class: here === name ? 'here' : '' }, name)));
    document.body.prepend(H2.el('header', {}, H2.el('h1', {}, 'her2sim workbench'), nav,
      H2.el('a', { href: '/openapi.json', style: 'color:#9fb3c8;font-size:12px' }, 'API'), H2.el('span', { class: 'hash' })));
  },

  /** Shows a job's progress in a <progress> element: its fraction, or indeterminate while none is known. */
  progress(el, job) {
    if (!el) return;
    el.hidden = !['queued', 'running', 'cancelling'].includes(job.status);
    if (job.progress === null || job.progress === undefined) el.removeAttribute('value');
    else el.value = job.progress;
    el.title = job.progress === null || job.progress === undefined ? 'running' : Math.round(100 * job.progress) + '%';
  },

  /** The page that shows a run of this kind. */
  pageOf(kind) {
    return { cohort: 'cohort.html', screen: 'screen.html' }[kind] || 'scenario.html';
  },

  /** Outlines the input that caused a refusal (fields map request fields to element ids). */
  markBad(fields, field) {
    document.querySelectorAll('.bad').forEach(e => { e.classList.remove('bad'); e.style.outline = ''; });
    const input = field && document.getElementById(fields[field] || '');
    if (input) { input.classList.add('bad'); input.style.outline = '2px solid #b00020'; }
  },

  /** 41.2% (39.8–42.6%) from {rate, ci95}. */
  pct(r) {
    if (!r || r.rate === null || r.rate === undefined) return 'no patients';
    return `${(100 * r.rate).toFixed(1)}% (${(100 * r.ci95[0]).toFixed(1)}–${(100 * r.ci95[1]).toFixed(1)}%)`;
  },

  param(name) {
    return new URLSearchParams(location.search).get(name);
  },

  /** Evidence of a node, mechanism or therapy, as a panel body. */
  evidence(ev) {
    const rows = [];
    const add = (k, v) => { if (v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)) rows.push(H2.el('tr', {}, H2.el('th', {}, k), H2.el('td', {}, Array.isArray(v) ? v.join(', ') : String(v)))); };
    add('kind', ev.kind);
    add('compartment', ev.compartment);
    add('category', ev.category);
    add('class', ev.class);
    add('target', ev.target);
    add('description', ev.description);
    add('section', ev.section ? '§' + ev.section : '');
    add('references', ev.references);
    add('papers', ev.papers);
    add('genes', ev.genes);
    add('perturbation', ev.perturbation);
    add('countered by', ev.counteredBy);
    add('drug nodes', ev.drugs);
    const box = H2.el('div', { 'data-kind': ev.kind, 'data-id': ev.id },
      H2.el('h2', {}, ev.id + (ev.name && ev.name !== ev.id ? ': ' + ev.name : '')),
      H2.el('table', {}, rows));
    if (ev.incoming || ev.outgoing) {
      const edges = (list, dir) => list.map(e => H2.el('tr', {}, H2.el('td', {}, dir === 'in' ? e.source : e.target), H2.el('td', {}, e.sign), H2.el('td', { class: 'small' }, e.citation || 'no evidence yet')));
      box.append(H2.el('h3', {}, 'Regulators'), H2.el('table', {}, edges(ev.incoming || [], 'in')),
        H2.el('h3', {}, 'Targets'), H2.el('table', {}, edges(ev.outgoing || [], 'out')));
    }
    box.append(H2.el('details', {}, H2.el('summary', {}, 'as text'), H2.el('pre', {}, ev.text)));
    return box;
  }
};
