// SPDX-License-Identifier: Apache-2.0
// Scenario page: a profile (bundled or edited YAML), therapies, a predict or treat job, and its results.
'use strict';

H2.header('Scenario');

const $ = id => document.getElementById(id);
const COLOURS = ['#3b6fb6', '#c62828', '#2e7d32', '#8e24aa', '#ef8f00', '#6d4c41', '#00838f', '#546e7a'];
const FIELD_INPUT = { profile: 'profile', profileYaml: 'yaml', therapies: 'therapies', regimen: 'therapies', samples: 'samples', seed: 'seed', months: 'months',
  weight: 'weight', ecd: 'ecd', metSites: 'met-sites', delays: 'delays', skips: 'skips' };
let original = '';
const plots = [];

async function main() {
  const model = await H2.loadModel();
  const sel = $('profile');
  for (const p of model.profiles) sel.append(H2.el('option', { value: p }, p));
  sel.append(H2.el('option', { value: '' }, '(custom YAML)'));
  const box = $('therapies');
  for (const t of model.therapies) {
    box.append(H2.el('label', { title: t.class }, H2.el('input', { type: 'checkbox', value: t.id, checked: t.id === 'trastuzumab' }), ' ' + t.name));
  }
  $('samples').value = Math.min(model.defaults.samples, 500);
  $('samples').max = model.limits.maxSamples;
  $('seed').value = model.defaults.seed;
  $('months').value = model.defaults.months;
  $('months').max = model.limits.maxMonths;
  sel.addEventListener('change', () => loadProfile(sel.value));
  $('yaml').addEventListener('input', yamlState);
  $('run-predict').addEventListener('click', () => run('predict'));
  $('run-treat').addEventListener('click', () => run('treat'));
  $('cancel').addEventListener('click', () => H2.cancelJob());
  const runId = H2.param('run');
  if (runId) {
    await reopen(runId);
  } else {
    sel.value = model.profiles.includes('pik3ca_mutant') ? 'pik3ca_mutant' : model.profiles[0];
    await loadProfile(sel.value);
  }
  document.body.dataset.ready = '1';
}

async function loadProfile(name) {
  if (!name) { original = ''; yamlState(); return; }
  const p = await H2.api('/api/profiles/' + encodeURIComponent(name));
  $('yaml').value = p.yaml;
  original = p.yaml;
  yamlState();
}

function edited() {
  return !$('profile').value || $('yaml').value !== original;
}

function yamlState() {
  $('yaml-state').textContent = edited() ? 'edited: the YAML below is sent' : 'bundled profile';
}

function request(kind) {
  const body = edited() ? { profileYaml: $('yaml').value } : { profile: $('profile').value };
  const picked = [...document.querySelectorAll('#therapies input:checked')].map(i => i.value);
  body[kind === 'predict' ? 'therapies' : 'regimen'] = picked;
  const seed = $('seed').value.trim();
  if (seed !== '') body.seed = Number(seed);
  if (kind === 'predict') {
    body.samples = Number($('samples').value);
    body.rescues = $('use-rescues').checked;
  } else {
    body.months = Number($('months').value);
    if ($('dosing').value === 'pk') {
      // each therapy with a dosing regimen gets its first one (e.g. trastuzumab_q3w); the others stay continuous
      body.regimen = picked.map(t => (H2.model.regimens.find(r => r.therapy === t) || { id: t }).id);
      body.weight = Number($('weight').value);
      if ($('ecd').value.trim() !== '') body.ecd = Number($('ecd').value);
      body.metSites = Number($('met-sites').value);
      const list = id => $(id).value.split(',').map(x => x.trim()).filter(x => x !== '');
      if (list('delays').length) body.delays = list('delays');
      if (list('skips').length) body.skips = list('skips');
    }
  }
  return body;
}

async function run(kind) {
  document.querySelectorAll('.bad').forEach(e => { e.classList.remove('bad'); e.style.outline = ''; });
  await H2.runJob(kind, '/api/' + kind, () => request(kind), (result, id) => show(kind, result, id), field => {
    const input = field && $(FIELD_INPUT[field]);
    if (input) { input.classList.add('bad'); input.style.outline = '2px solid #b00020'; }
  }, ['run-predict', 'run-treat']);
}

async function reopen(id) {
  const r = await H2.api('/api/runs/' + encodeURIComponent(id));
  const inp = r.inputs;
  if (inp.profile) {
    $('profile').value = inp.profile;
    await loadProfile(inp.profile);
  } else {
    $('profile').value = '';
    $('yaml').value = inp.profileYaml;
    original = '';
    yamlState();
  }
  const dosed = (inp.regimen || []).map(w => H2.model.regimens.find(r => r.id === w)).filter(r => r);
  const picked = inp.therapies || (inp.regimen || []).map(w => (H2.model.regimens.find(r => r.id === w) || { therapy: w }).therapy);
  document.querySelectorAll('#therapies input').forEach(i => { i.checked = picked.includes(i.value); });
  $('dosing').value = dosed.length ? 'pk' : 'continuous';
  if (inp.weight) $('weight').value = inp.weight;
  $('ecd').value = inp.ecd === undefined ? '' : inp.ecd;
  if (inp.metSites !== undefined) $('met-sites').value = inp.metSites;
  $('delays').value = (inp.delays || []).join(', ');
  $('skips').value = (inp.skips || []).join(', ');
  $('seed').value = inp.seed;
  if (inp.samples) $('samples').value = inp.samples;
  if (inp.months) $('months').value = inp.months;
  if (inp.rescues !== undefined) $('use-rescues').checked = inp.rescues;
  $('status').textContent = `${r.kind} run ${r.id.slice(0, 8)} of ${r.created.replace('T', ' ').slice(0, 19)}: ${r.status}`;
  if (r.status === 'done') show(r.kind, r.result, r.id);
  else $('error').textContent = r.error || r.status;
}

function show(kind, result, id) {
  if (kind === 'predict') showPrediction(result, id);
  else showTumour(result);
}

function showPrediction(r, id) {
  $('predict-result').hidden = false;
  $('response-badge').replaceChildren(H2.badge(r.responseClass));
  $('response-score').textContent = 'score ' + H2.num(r.responseScore);
  $('run-info').replaceChildren(`${r.profile} + ${r.therapies.join(' + ')}; seed ${r.seed}; ${r.samples} samples per simulation `,
    H2.el('a', { href: 'index.html?run=' + id }, 'colour the network'));
  const bar = (p, cls) => H2.el('span', { class: 'bar ' + cls, style: `width:${Math.round(120 * p)}px` });
  $('phenotypes').replaceChildren(H2.el('tr', {}, H2.el('th', {}, 'phenotype'), H2.el('th', {}, 'untreated'), H2.el('th', {}, 'treated'), H2.el('th', {}, '')),
    ...r.phenotypes.filter(p => p.kind === 'phenotype').map(p => H2.el('tr', {},
      H2.el('td', {}, p.name), H2.el('td', { class: 'num' }, H2.num(p.untreated)), H2.el('td', { class: 'num' }, H2.num(p.treated)),
      H2.el('td', {}, bar(p.untreated, 'untreated'), H2.el('br'), bar(p.treated, 'treated')))));
  $('mechanisms').replaceChildren(H2.el('tr', {}, H2.el('th', {}, 'mechanism'), H2.el('th', {}, 'contribution'), H2.el('th', {}, 'effect')),
    ...(r.activeMechanisms.length ? r.activeMechanisms.map(m => H2.el('tr', {},
      H2.el('td', { title: m.comment }, m.name), H2.el('td', { class: 'num' }, H2.num(m.contribution), ' ',
        H2.el('span', { class: 'bar ' + (m.contribution > 0 ? 'pos' : 'neg'), style: `width:${Math.round(150 * Math.min(1, Math.abs(m.contribution)))}px` })),
      H2.el('td', {}, m.effect))) : [H2.el('tr', {}, H2.el('td', { colspan: 3, class: 'muted' }, 'no active mechanism'))]));
  const a = r.attribution;
  $('attribution').textContent = a && r.activeMechanisms.length
    ? `Contributions are Shapley shares over the active mechanisms (${a.method === 'exact' ? 'exact' : `sampled, ${a.permutations} permutations`}) `
      + `and sum to the total effect ${H2.num(a.totalEffect)}: the score is ${H2.num(a.scoreWithNone)} with none of them and ${H2.num(a.scoreWithAll)} with all.`
    : '';
  // gains above their standard error first; the rest hidden behind a toggle row
  const measurable = x => x.gainSE !== undefined && x.gain > x.gainSE;
  const shown = r.rescues.filter(measurable);
  const rest = r.rescues.filter(x => !measurable(x));
  const rescueRow = (x, i, hidden) => H2.el('tr', { class: hidden ? 'no-gain' : '', hidden },
    H2.el('td', {}, i + 1), H2.el('td', {}, x.name), H2.el('td', { class: 'small' }, x.evidence), H2.el('td', { class: 'num' }, H2.num(x.responseScore)),
    H2.el('td', { class: 'num' }, H2.num(x.gain)), H2.el('td', { class: 'num small' }, H2.num(x.gainSE)), H2.el('td', { class: 'small' }, x.counters.join(', ')));
  const toggle = H2.el('tr', { class: 'toggle' }, H2.el('td', { colspan: 7 }, H2.el('button', { type: 'button', class: 'small',
    onclick: () => document.querySelectorAll('#rescues tr.no-gain').forEach(t => { t.hidden = !t.hidden; }) },
    `${rest.length} more add-on${rest.length === 1 ? '' : 's'} with no measurable gain (gain not above its standard error)`)));
  $('rescues').replaceChildren(H2.el('tr', {}, H2.el('th', {}, '#'), H2.el('th', {}, 'add'), H2.el('th', {}, 'evidence'), H2.el('th', {}, 'score'), H2.el('th', {}, 'gain'), H2.el('th', {}, 'se'), H2.el('th', {}, 'counters')),
    ...(r.rescues.length ? [...shown.map((x, i) => rescueRow(x, i, false)), ...(rest.length ? [toggle] : []),
      ...rest.map((x, i) => rescueRow(x, shown.length + i, true))]
      : [H2.el('tr', {}, H2.el('td', { colspan: 7, class: 'muted' }, 'rescues not run'))]));
  const c = r.course;
  const names = Object.keys(c.treated);
  const data = [c.times, ...names.map(n => c.treated[n])];
  const series = [{ label: 'time' }, ...names.map((n, i) => ({ label: n, stroke: COLOURS[i % COLOURS.length], width: 2 }))];
  plot('course-plot', { height: 260, series, scales: { x: { time: false }, y: { range: [0, 1] } },
    axes: [{ label: 'signalling steps, not days (treated from ' + c.treatmentStart + ')' }, { label: 'probability (0-1)' }] }, data);
}

function showTumour(r) {
  $('treat-result').hidden = false;
  const months = d => d / (365.25 / 12);
  $('treat-summary').replaceChildren(H2.el('b', { id: 'best-response' }, 'Best response ' + r.bestResponse), '; ',
    r.progressed ? `progression at day ${Math.round(r.timeToProgressionDays)} (${months(r.timeToProgressionDays).toFixed(1)} months)` : `no progression within ${r.months} months`,
    r.scanIntervalDays ? ` (seen at RECIST scans every ${Math.round(r.scanIntervalDays)} d${r.progressed ? '' : '; censored at the last scan'})` : '',
    `; ${r.profile} + ${r.regimen.join(' + ')}, seed ${r.seed}`);
  const names = Object.keys(r.clones);
  const pos = v => (v > 0 ? v : null);
  const data = [r.days.map(months), r.cells.map(pos), ...names.map(n => r.clones[n].map(pos))];
  const series = [{ label: 'months' }, { label: 'total', stroke: '#1d2430', width: 2.5 },
    ...names.map((n, i) => ({ label: n, stroke: COLOURS[(i + 1) % COLOURS.length], width: 1.5, dash: [6, 3] }))];
  plot('burden-plot', { height: 300, series, scales: { x: { time: false }, y: { distr: 3 } }, axes: [{ label: 'months from the first dose' }, { label: 'tumour cells (log scale)', size: 70, values: (u, vals) => vals.map(v => (v == null ? '' : v.toExponential(0))) }] }, data);
  if (r.pk) showPk(r.pk, months);
}

/** Concentrations of the dosed drugs (ug/mL) and every therapy's daily effect, in months like the burden. */
function showPk(pk, months) {
  const conc = pk.concentrations.filter(c => c.unit !== 'on/off');
  $('pk-info').textContent = conc.length ? conc.map(c => `${c.regimen}: ${c.description} (${c.model}, ${pk.weightKg} kg, ECD ${pk.serumEcdNgMl === null || pk.serumEcdNgMl === undefined ? 'reference' : pk.serumEcdNgMl + ' ng/mL'}, ${pk.metastaticSites} metastatic site${pk.metastaticSites === 1 ? '' : 's'})`).join('; ')
    : 'No dosing schedule with a concentration model: every therapy is given continuously (choose "dosing schedules" to see concentrations).';
  const pkEl = $('pk-plot');
  pkEl.replaceChildren();
  delete pkEl.dataset.plotted;
  if (conc.length) {
    // one x axis for every drug: the first drug's times; the others are sampled at the nearest of their own times
    const xs = conc[0].days;
    const at = (c, d) => {
      let best = 0;
      for (let i = 1; i < c.days.length; i++) if (Math.abs(c.days[i] - d) < Math.abs(c.days[best] - d)) best = i;
      return c.values[best];
    };
    const data = [xs.map(months), ...conc.map((c, k) => (k === 0 ? c.values : xs.map(d => at(c, d))))];
    const series = [{ label: 'months' }, ...conc.map((c, i) => ({ label: `${c.drug} (ug/mL)`, stroke: COLOURS[i % COLOURS.length], width: 1.5 }))];
    plot('pk-plot', { height: 200, series, scales: { x: { time: false } }, axes: [{ label: 'months' }, { label: 'ug/mL', size: 60 }] }, data);
  }
  const e = pk.effect;
  const names = Object.keys(e.therapies);
  plot('effect-plot', { height: 160, series: [{ label: 'months' }, ...names.map((n, i) => ({ label: n, stroke: COLOURS[i % COLOURS.length], width: 1.5 }))],
    scales: { x: { time: false }, y: { range: [0, 1.05] } }, axes: [{ label: 'months' }, { label: 'effect' }] }, [e.days.map(months), ...names.map(n => e.therapies[n])]);
}

function plot(id, opts, data) {
  const el = $(id);
  el.replaceChildren();
  opts.width = Math.max(320, el.clientWidth || 500);
  opts.legend = { live: false };
  plots.push(new uPlot(opts, data, el));
  el.dataset.plotted = '1';
}

main().catch(e => { $('error').textContent = 'Could not load: ' + e.message; });
