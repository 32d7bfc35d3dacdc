// SPDX-License-Identifier: Apache-2.0
// Screen page: therapies singly, in pairs and triples on profiles or a cohort; the synergy heatmap (SVG drawn here) and the ranking.
'use strict';

H2.header('Screen');

const $ = id => document.getElementById(id);
const FIELDS = { profiles: 'profiles', profileYamls: 'yamls', size: 'size', cohortSeed: 'cohort-seed', setting: 'setting', cohort: 'size',
  therapies: 'therapies', triples: 'size-of', pairs: 'size-of', samples: 'samples', seed: 'seed' };
const SVG = 'http://www.w3.org/2000/svg';
let shown = null;

async function main() {
  const model = await H2.loadModel();
  for (const p of model.profiles) {
    $('profiles').append(H2.el('label', {}, H2.el('input', { type: 'checkbox', value: p, checked: ['pik3ca_mutant', 'pten_null'].includes(p) }), ' ' + p));
  }
  const first = ['trastuzumab', 'pertuzumab', 'pi3k_inhibitor'];
  for (const t of model.therapies) {
    $('therapies').append(H2.el('label', { title: t.class }, H2.el('input', { type: 'checkbox', value: t.id, checked: first.includes(t.id) }), ' ' + t.name));
  }
  $('samples').value = Math.min(model.defaults.samples, 100);
  $('samples').max = model.limits.maxSamples;
  $('size').max = model.limits.maxCohortSize;
  $('seed').value = model.defaults.seed;
  $('cohort-seed').value = model.defaults.seed;
  for (const r of document.querySelectorAll('input[name=source]')) r.addEventListener('change', sourceChanged);
  $('run').addEventListener('click', run);
  $('cancel').addEventListener('click', () => H2.cancelJob());
  $('measure').addEventListener('change', () => { if (shown) heatmap(shown.heatmap); });
  const runId = H2.param('run');
  if (runId) await reopen(runId);
  document.body.dataset.ready = '1';
}

function sourceChanged() {
  const cohort = $('source-cohort').checked;
  $('cohort-box').hidden = !cohort;
  $('profiles-box').hidden = cohort;
}

function request() {
  const body = {};
  if ($('source-cohort').checked) {
    body.size = Number($('size').value);
    if ($('cohort-seed').value.trim() !== '') body.cohortSeed = Number($('cohort-seed').value);
    body.setting = $('setting').value;
  } else {
    const names = [...document.querySelectorAll('#profiles input:checked')].map(i => i.value);
    const yamls = $('yamls').value.split(/^---\s*$/m).map(s => s.trim()).filter(s => s !== '');
    if (names.length) body.profiles = names;
    if (yamls.length) body.profileYamls = yamls;
  }
  body.therapies = [...document.querySelectorAll('#therapies input:checked')].map(i => i.value);
  body[$('size-of').value] = true;
  body.samples = Number($('samples').value);
  if ($('seed').value.trim() !== '') body.seed = Number($('seed').value);
  return body;
}

async function run() {
  H2.markBad(FIELDS, null);
  await H2.runJob('screen', '/api/screen', () => request(), result => show(result), field => H2.markBad(FIELDS, field), ['run']);
}

async function reopen(id) {
  const r = await H2.api('/api/runs/' + encodeURIComponent(id));
  const inp = r.inputs;
  if (inp.size !== undefined || inp.cohort !== undefined) {
    $('source-cohort').checked = true;
    if (inp.size !== undefined) $('size').value = inp.size;
    if (inp.cohortSeed !== undefined) $('cohort-seed').value = inp.cohortSeed;
    if (inp.setting) $('setting').value = inp.setting;
  } else {
    $('source-profiles').checked = true;
    document.querySelectorAll('#profiles input').forEach(i => { i.checked = (inp.profiles || []).includes(i.value); });
    $('yamls').value = (inp.profileYamls || []).join('\n---\n');
  }
  sourceChanged();
  document.querySelectorAll('#therapies input').forEach(i => { i.checked = (inp.therapies || []).includes(i.value); });
  $('size-of').value = inp.triples ? 'triples' : 'pairs';
  $('seed').value = inp.seed;
  $('samples').value = inp.samples;
  $('status').textContent = `screen run ${r.id.slice(0, 8)} of ${r.created.replace('T', ' ').slice(0, 19)}: ${r.status}`;
  if (r.status === 'done') show(r.result);
  else $('error').textContent = r.error || r.status;
}

function show(r) {
  shown = r;
  $('screen-result').hidden = false;
  $('run-info').textContent = `${r.profiles.length} distinct profile${r.profiles.length === 1 ? '' : 's'}; seed ${r.run.seed}; ${r.run.samples} samples per simulation`;
  heatmap(r.heatmap);
  const f = (x, se) => (x === null || x === undefined ? '–' : `${x >= 0 ? '+' : ''}${x.toFixed(3)} ± ${se.toFixed(3)}`);
  $('ranking').replaceChildren(H2.el('tr', {}, ['#', 'combination', 'mean score', 'Bliss excess', 'HSA excess', 'synergistic', 'antagonistic'].map(h => H2.el('th', {}, h))),
    ...r.ranking.map(x => H2.el('tr', { 'data-combination': x.combination.join('+') },
      H2.el('td', {}, x.rank), H2.el('td', {}, x.combination.join(' + ')),
      H2.el('td', { class: 'num' }, `${x.meanScore.toFixed(3)} ± ${x.scoreSe.toFixed(3)}`),
      H2.el('td', { class: 'num' }, f(x.meanBlissExcess, x.blissSe)), H2.el('td', { class: 'num' }, f(x.meanHsaExcess, x.hsaSe)),
      H2.el('td', { class: 'num' }, x.synergisticShare === undefined ? '–' : (100 * x.synergisticShare).toFixed(0) + '%'),
      H2.el('td', { class: 'num' }, x.antagonisticShare === undefined ? '–' : (100 * x.antagonisticShare).toFixed(0) + '%'))));
}

/** White at 0, red for synergy, blue for antagonism, on a symmetric scale. */
function colour(v) {
  const t = Math.max(-1, Math.min(1, v));
  const end = t >= 0 ? [0xd7, 0x30, 0x27] : [0x45, 0x75, 0xb4];
  const a = Math.abs(t);
  return 'rgb(' + end.map(e => Math.round(255 + (e - 255) * a)).join(',') + ')';
}

function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function heatmap(h) {
  const measure = $('measure').value;
  const vals = h[measure], ses = h[measure + 'Se'];
  const names = h.therapies, n = names.length, cell = 56;
  const left = 8 + 7 * Math.max(...names.map(s => s.length)), top = left;
  let scale = 0.05;
  vals.forEach((row, i) => row.forEach((v, j) => { if (i !== j && v !== null) scale = Math.max(scale, Math.abs(v)); }));
  const width = left + n * cell + 110, height = top + n * cell + 20;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, id: 'heatmap-svg', role: 'img' });
  names.forEach((name, i) => {
    root.append(svg('text', { x: left - 6, y: top + i * cell + cell / 2 + 4, 'text-anchor': 'end' }, name));
    root.append(svg('text', { transform: `translate(${left + i * cell + cell / 2},${top - 6}) rotate(-60)` }, name));
    names.forEach((other, j) => {
      const v = i === j ? null : vals[i][j];
      const fill = i === j ? '#eeeeee' : v === null ? '#ffffff' : colour(v / scale);
      const r = svg('rect', { x: left + j * cell, y: top + i * cell, width: cell, height: cell, fill, stroke: '#ffffff', class: 'cell',
        'data-pair': i === j ? name : `${name}+${other}` });
      const tip = i === j ? `${name} alone: mean score ${h.single[i].toFixed(3)}`
        : v === null ? `${name} + ${other}: not computed` : `${name} + ${other}: ${measure === 'bliss' ? 'Bliss' : 'HSA'} excess ${v >= 0 ? '+' : ''}${v.toFixed(3)} ± ${ses[i][j].toFixed(3)}`;
      r.append(svg('title', {}, tip));
      root.append(r);
      const shownValue = i === j ? h.single[i] : v;
      if (shownValue !== null) {
        root.append(svg('text', { x: left + j * cell + cell / 2, y: top + i * cell + cell / 2 + 4, 'text-anchor': 'middle', fill: i === j ? '#666666' : '#000000',
          'pointer-events': 'none' }, (shownValue >= 0 ? '+' : '') + shownValue.toFixed(2)));
      }
    });
  });
  const lx = left + n * cell + 20;
  for (let k = 0; k < 24; k++) root.append(svg('rect', { x: lx, y: top + k * 5, width: 14, height: 5.5, fill: colour(1 - 2 * k / 23) }));
  root.append(svg('text', { x: lx + 18, y: top + 8 }, '+' + scale.toFixed(2)));
  root.append(svg('text', { x: lx + 18, y: top + 64 }, '0'));
  root.append(svg('text', { x: lx + 18, y: top + 120 }, (-scale).toFixed(2)));
  root.append(svg('text', { x: lx, y: top + 140 }, 'synergy: red'));
  root.append(svg('text', { x: lx, y: top + 154 }, 'diagonal: score'));
  $('heatmap').replaceChildren(root);
}

main().catch(e => { $('error').textContent = 'Could not load: ' + e.message; });
