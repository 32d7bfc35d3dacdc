// SPDX-License-Identifier: Apache-2.0
// Cohort page: a sampled or given virtual cohort, its response by subgroup, non-response mechanisms and Kaplan-Meier curves.
'use strict';

H2.header('Cohort');

const $ = id => document.getElementById(id);
const FIELDS = { cohort: 'cohort-text', size: 'size', cohortSeed: 'cohort-seed', setting: 'setting', therapies: 'therapies',
  regimen: 'therapies', samples: 'samples', seed: 'seed', months: 'months' };

async function main() {
  const model = await H2.loadModel();
  for (const t of model.therapies) {
    $('therapies').append(H2.el('label', { title: t.class }, H2.el('input', { type: 'checkbox', value: t.id, checked: t.id === 'trastuzumab' }), ' ' + t.name));
  }
  $('use-tumour').addEventListener('change', tumourChanged);
  $('samples').value = Math.min(model.defaults.samples, 100);
  $('samples').max = model.limits.maxSamples;
  $('size').max = model.limits.maxCohortSize;
  $('seed').value = model.defaults.seed;
  $('cohort-seed').value = model.defaults.seed;
  $('months').value = Math.min(24, model.limits.maxMonths);
  $('months').max = model.limits.maxMonths;
  for (const r of document.querySelectorAll('input[name=source]')) r.addEventListener('change', sourceChanged);
  $('run').addEventListener('click', run);
  $('cancel').addEventListener('click', () => H2.cancelJob());
  const runId = H2.param('run');
  if (runId) await reopen(runId);
  document.body.dataset.ready = '1';
}

function sourceChanged() {
  const file = $('source-file').checked;
  $('file-box').hidden = !file;
  $('sample-box').hidden = file;
}

function tumourChanged() {
  $('dosing-box').hidden = !$('use-tumour').checked;
}

function picked() {
  return [...document.querySelectorAll('#therapies input:checked')].map(i => i.value);
}

function request() {
  const body = {};
  if ($('source-file').checked) {
    body.cohort = $('cohort-text').value;
  } else {
    body.size = Number($('size').value);
    if ($('cohort-seed').value.trim() !== '') body.cohortSeed = Number($('cohort-seed').value);
    body.setting = $('setting').value;
  }
  // one set of therapies, for the response, the tumour dynamics or both
  const therapies = $('use-response').checked ? picked() : [];
  const tumour = $('use-tumour').checked ? picked() : [];
  // a therapy with a dosing regimen gets its first one (e.g. trastuzumab_q3w), acting through each patient's PK
  const regimen = $('dosing').value === 'pk' ? tumour.map(t => (H2.model.regimens.find(r => r.therapy === t) || { id: t }).id) : tumour;
  if (therapies.length) body.therapies = therapies;
  if (regimen.length) {
    body.regimen = regimen;
    body.months = Number($('months').value);
  }
  body.samples = Number($('samples').value);
  if ($('seed').value.trim() !== '') body.seed = Number($('seed').value);
  body.rescues = $('use-rescues').checked;
  return body;
}

async function run() {
  H2.markBad(FIELDS, null);
  await H2.runJob('cohort', '/api/cohort', () => request(), result => show(result), field => H2.markBad(FIELDS, field), ['run']);
}

async function reopen(id) {
  const r = await H2.api('/api/runs/' + encodeURIComponent(id));
  const inp = r.inputs;
  if (inp.cohort !== undefined) {
    $('source-file').checked = true;
    $('cohort-text').value = inp.cohort;
  } else {
    $('source-sample').checked = true;
    $('size').value = inp.size;
    $('cohort-seed').value = inp.cohortSeed;
    $('setting').value = inp.setting;
  }
  sourceChanged();
  const therapyOf = w => (H2.model.regimens.find(r => r.id === w) || { therapy: w }).therapy;
  const therapies = inp.therapies || [], regimen = (inp.regimen || []).map(therapyOf);
  // runs from before the single grid may have had different sets: the grid shows both
  document.querySelectorAll('#therapies input').forEach(i => { i.checked = therapies.includes(i.value) || regimen.includes(i.value); });
  $('use-response').checked = therapies.length > 0;
  $('use-tumour').checked = regimen.length > 0;
  tumourChanged();
  $('dosing').value = (inp.regimen || []).some(w => H2.model.regimens.some(r => r.id === w)) ? 'pk' : 'continuous';
  $('seed').value = inp.seed;
  $('samples').value = inp.samples;
  $('months').value = inp.months;
  $('use-rescues').checked = !!inp.rescues;
  $('status').textContent = `cohort run ${r.id.slice(0, 8)} of ${r.created.replace('T', ' ').slice(0, 19)}: ${r.status}`;
  if (r.status === 'done') show(r.result);
  else $('error').textContent = r.error || r.status;
}

/** A bar from 0 to the rate with the interval as a whisker, on a 0-100% scale. */
function ciBar(r, group) {
  if (!r || r.rate === null || r.rate === undefined) return H2.el('span', { class: 'muted' }, 'no patients');
  const pc = x => (100 * x).toFixed(1) + '%';
  return H2.el('span', { class: 'ci', title: H2.pct(r) },
    H2.el('span', { class: 'fill ' + group, style: `width:${pc(r.rate)}` }),
    H2.el('span', { class: 'whisker', style: `left:${pc(r.ci95[0])};width:${pc(r.ci95[1] - r.ci95[0])}` }));
}

function show(r) {
  $('response-result').hidden = !r.response;
  $('tumour-result').hidden = !r.tumour;
  const c = r.cohort;
  if (r.response) showResponse(r, c);
  if (r.tumour) showTumour(r, c);
}

function showResponse(r, c) {
  const s = r.response;
  $('response-rate').replaceChildren(H2.el('span', { id: 'overall-rate' }, H2.pct(s.responseRate)),
    H2.el('span', { class: 'muted' }, ` sensitive; any response ${H2.pct(s.anyResponseRate)}`));
  $('run-info').textContent = `${c.patients} patients (${c.source}, ${c.setting}), ${c.distinctProfiles} distinct profiles; `
    + `${r.therapies.join(' + ')}; seed ${r.seed}; ${r.samples} samples per simulation`;
  const head = H2.el('tr', {}, ['feature', 'maps to', 'group', 'patients', 'response (95% CI)', '', 'any response (95% CI)'].map(h => H2.el('th', {}, h)));
  const rows = [];
  for (const g of s.subgroups) {
    for (const side of ['present', 'absent']) {
      const x = g[side];
      rows.push(H2.el('tr', { 'data-feature': g.feature, 'data-group': side },
        H2.el('td', {}, side === 'present' ? g.feature : ''), H2.el('td', { class: 'small' }, side === 'present' ? g.mapsTo : ''),
        H2.el('td', {}, side), H2.el('td', { class: 'num' }, x.patients),
        H2.el('td', { class: 'num' }, H2.pct(x.responseRate)), H2.el('td', {}, ciBar(x.responseRate, side)),
        H2.el('td', { class: 'num' }, H2.pct(x.anyResponseRate))));
    }
  }
  $('subgroups').replaceChildren(head, ...rows);
  const nr = s.nonResponse;
  $('nonresponse-info').textContent = `${nr.patients} non-responders; ${nr.definition}`;
  const mh = H2.el('tr', {}, ['mechanism', 'patients', 'share', ''].map(h => H2.el('th', {}, h)));
  $('nonresponse').replaceChildren(mh, ...(nr.topMechanisms.length ? nr.topMechanisms.map(m => H2.el('tr', {},
    H2.el('td', {}, m.mechanism), H2.el('td', { class: 'num' }, m.patients), H2.el('td', { class: 'num' }, (100 * m.share).toFixed(1) + '%'),
    H2.el('td', {}, H2.el('span', { class: 'bar pos', style: `width:${Math.round(200 * m.share)}px` })))) : [H2.el('tr', {}, H2.el('td', { colspan: 4, class: 'muted' }, 'every patient responds'))]),
  ...(nr.bestRescues ? [H2.el('tr', {}, H2.el('th', { colspan: 4 }, 'best rescue of non-responders')),
    ...nr.bestRescues.map(x => H2.el('tr', {}, H2.el('td', {}, x.therapy), H2.el('td', { class: 'num' }, x.patients),
      H2.el('td', { class: 'num' }, (100 * x.share).toFixed(1) + '%'), H2.el('td', {})))] : []));
}

function median(t) {
  if (t.medianDays === null || t.medianDays === undefined) return `median not reached (${t.progressed}/${t.patients} progressed)`;
  const d = x => (x === null || x === undefined ? 'NR' : Math.round(x));
  return `median ${d(t.medianDays)} d (95% CI ${d(t.medianCi95[0])}–${d(t.medianCi95[1])})`;
}

/**
 * Kaplan-Meier curves in months on one x axis: all patients with the Greenwood band, or a
 * feature's present and absent groups. Each curve starts at 1 on day 0 and holds its last value
 * to the end of follow-up (the censoring day).
 */
function kmPlot(t, feature) {
  const end = t.timeToProgression.censoredAtDay;
  const curves = [];
  if (!feature) {
    const band = k => t.km.map(s => ({ day: s.day, survival: Math.max(0, Math.min(1, s.survival + k * 1.96 * s.se)) }));
    curves.push(['progression-free', t.km, '#3b6fb6', 2, null], ['95% lower', band(-1), '#9fb3c8', 1, [4, 3]], ['95% upper', band(1), '#9fb3c8', 1, [4, 3]]);
  } else {
    const g = t.subgroups.find(x => x.feature === feature);
    curves.push([`${feature} present (${g.present.timeToProgression.patients})`, g.present.km || [], '#c62828', 2, null],
      [`${feature} absent (${g.absent.timeToProgression.patients})`, g.absent.km || [], '#3b6fb6', 2, null]);
  }
  const days = [...new Set([0, end, ...curves.flatMap(c => c[1].map(s => s.day))])].sort((a, b) => a - b);
  const at = (steps, d) => {
    let v = steps.length ? 1 : null;
    for (const s of steps) { if (s.day <= d) v = s.survival; }
    return v;
  };
  const data = [days.map(d => d / (365.25 / 12)), ...curves.map(c => days.map(d => at(c[1], d)))];
  const stepped = uPlot.paths.stepped({ align: 1 });
  const series = [{ label: 'months' }, ...curves.map(c => ({ label: c[0], stroke: c[2], width: c[3], dash: c[4] || undefined, paths: stepped }))];
  const el = $('km-plot');
  el.replaceChildren();
  new uPlot({ width: Math.max(320, el.clientWidth || 500), height: 280, series, legend: { live: false },
    scales: { x: { time: false }, y: { range: [0, 1] } }, axes: [{ label: 'months' }, { label: 'progression-free' }] }, data, el);
  el.dataset.plotted = '1';
  el.dataset.curves = String(curves.length);
}

function showTumour(r, c) {
  const t = r.tumour;
  $('orr').replaceChildren(H2.el('span', { class: 'muted' }, 'objective response (CR+PR) '), H2.pct(t.objectiveResponse));
  const best = Object.entries(t.bestResponse).map(([k, v]) => `${k} ${v}`).join(', ');
  $('ttp').textContent = `${r.regimen.join(' + ')} for ${r.months} months, ${c.patients} patients: time to progression ${median(t.timeToProgression)}; best response ${best}`;
  const sel = $('km-group');
  sel.replaceChildren(H2.el('option', { value: '' }, 'all patients, with the Greenwood 95% band'),
    ...t.subgroups.filter(g => g.present.km).map(g => H2.el('option', { value: g.feature }, `${g.feature}: present vs absent`)));
  sel.onchange = () => kmPlot(t, sel.value);
  kmPlot(t, '');
  const head = H2.el('tr', {}, ['feature', 'group', 'objective response (95% CI)', '', 'time to progression'].map(h => H2.el('th', {}, h)));
  const rows = [];
  for (const g of t.subgroups) {
    for (const side of ['present', 'absent']) {
      const x = g[side];
      rows.push(H2.el('tr', {}, H2.el('td', {}, side === 'present' ? g.feature : ''), H2.el('td', {}, side),
        H2.el('td', { class: 'num' }, H2.pct(x.objectiveResponse)), H2.el('td', {}, ciBar(x.objectiveResponse, side)),
        H2.el('td', {}, median(x.timeToProgression))));
    }
  }
  $('tumour-subgroups').replaceChildren(head, ...rows);
  const er = t.exposureResponse;
  $('exposure').hidden = !er;
  if (er) {
    $('exposure-title').textContent = `By quartile of the ${er.therapy} ${er.metric}`;
    const eh = H2.el('tr', {}, ['quartile', 'range', 'objective response (95% CI)', '', 'time to progression'].map(h => H2.el('th', {}, h)));
    $('exposure-quartiles').replaceChildren(eh, ...er.quartiles.map(q => H2.el('tr', { 'data-quartile': q.quartile },
      H2.el('td', {}, 'Q' + q.quartile), H2.el('td', { class: 'num' }, `${H2.num(q.range[0], 1)}-${H2.num(q.range[1], 1)}`),
      H2.el('td', { class: 'num' }, H2.pct(q.objectiveResponse)), H2.el('td', {}, ciBar(q.objectiveResponse, 'present')),
      H2.el('td', {}, median(q.timeToProgression)))));
  }
}

main().catch(e => { $('error').textContent = 'Could not load: ' + e.message; });
