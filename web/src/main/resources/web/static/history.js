// SPDX-License-Identifier: Apache-2.0
// History page: past runs, reopen, re-run, download, and two runs side by side.
'use strict';

H2.header('History');

const $ = id => document.getElementById(id);

async function main() {
  await H2.loadModel();
  const runs = (await H2.api('/api/runs?limit=500')).runs;
  const head = H2.el('tr', {}, ['', 'when', 'kind', 'profile', 'therapies', 'seed', 'status', 'summary', ''].map(h => H2.el('th', {}, h)));
  const rows = runs.map(r => H2.el('tr', { 'data-run': r.id },
    H2.el('td', {}, H2.el('input', { type: 'checkbox', value: r.id, disabled: r.status !== 'done', onchange: ticked })),
    H2.el('td', { class: 'small' }, r.created.replace('T', ' ').slice(0, 19)),
    H2.el('td', {}, r.kind), H2.el('td', {}, r.profile), H2.el('td', {}, r.therapies), H2.el('td', { class: 'num' }, r.seed),
    H2.el('td', {}, r.status), H2.el('td', {}, r.summary || ''),
    H2.el('td', { class: 'small' },
      H2.el('a', { href: H2.pageOf(r.kind) + '?run=' + r.id, class: 'open' }, 'open'), ' · ',
      r.kind === 'predict' && r.status === 'done' ? [H2.el('a', { href: 'index.html?run=' + r.id }, 'network'), ' · '] : null,
      r.status === 'done' ? [H2.el('a', { href: `/api/runs/${r.id}/download?format=json` }, 'JSON'), ' · ',
        H2.el('a', { href: `/api/runs/${r.id}/download?format=csv` }, 'CSV'), ' · ',
        H2.el('a', { href: `/api/runs/${r.id}/report`, class: 'report', target: '_blank' }, 'report'), ' ',
        H2.el('a', { href: `/api/runs/${r.id}/report?download=true`, title: 'save the HTML report' }, '⤓'), ' · '] : null,
      H2.el('a', { href: '#', onclick: ev => { ev.preventDefault(); rerun(r.id, r.kind); } }, 're-run')))
  );
  $('runs').replaceChildren(head, ...(rows.length ? rows : [H2.el('tr', {}, H2.el('td', { colspan: 9, class: 'muted' }, 'No runs yet: run a scenario first.'))]));
  $('compare').addEventListener('click', compare);
  document.body.dataset.ready = '1';
}

function ticked() {
  $('compare').disabled = document.querySelectorAll('#runs input:checked').length !== 2;
}

async function rerun(id, kind) {
  try {
    const run = await H2.api('/api/runs/' + id);
    const job = await H2.api('/api/' + kind, run.inputs);
    location.href = H2.pageOf(kind) + '?run=' + job.id;
  } catch (e) {
    $('error').textContent = e.message;
  }
}

async function compare() {
  const ids = [...document.querySelectorAll('#runs input:checked')].map(i => i.value);
  const [a, b] = await Promise.all(ids.map(id => H2.api('/api/runs/' + id)));
  const rows = [];
  const add = (label, x, y) => rows.push(H2.el('tr', {}, H2.el('th', {}, label),
    H2.el('td', { class: String(x) !== String(y) ? 'diff' : '' }, x === undefined ? '' : String(x)),
    H2.el('td', { class: String(x) !== String(y) ? 'diff' : '' }, y === undefined ? '' : String(y))));
  const inputs = r => (['cohort', 'screen'].includes(r.kind) ? r.profile : r.inputs.profile || '(custom YAML)');
  const list = x => (x || []).join(' + ');
  add('run', a.id.slice(0, 8) + ' ' + a.created.slice(0, 19), b.id.slice(0, 8) + ' ' + b.created.slice(0, 19));
  add('kind', a.kind, b.kind);
  add('profile', inputs(a), inputs(b));
  add('therapies', list(a.inputs.therapies), list(b.inputs.therapies));
  add('regimen', list(a.inputs.regimen), list(b.inputs.regimen));
  add('seed', a.seed, b.seed);
  add('samples / months', a.inputs.samples || a.inputs.months, b.inputs.samples || b.inputs.months);
  add('model', a.modelHash.slice(0, 12), b.modelHash.slice(0, 12));
  const ra = a.result || {}, rb = b.result || {};
  if (a.kind === 'predict' || b.kind === 'predict') {
    add('response class', ra.responseClass, rb.responseClass);
    add('response score', H2.num(ra.responseScore), H2.num(rb.responseScore));
    const ph = r => Object.fromEntries((r.phenotypes || []).map(p => [p.name, p]));
    const pa = ph(ra), pb = ph(rb);
    for (const n of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
      const f = p => (p ? H2.num(p.untreated) + ' → ' + H2.num(p.treated) : '');
      if ((pa[n] || pb[n]).kind === 'phenotype') add(n, f(pa[n]), f(pb[n]));
    }
    const mech = r => (r.activeMechanisms || []).map(m => `${m.id} ${H2.num(m.contribution)}`).join(', ') || 'none';
    add('mechanisms', mech(ra), mech(rb));
    const best = r => (r.rescues || []).slice(0, 3).map(x => `${x.id} +${H2.num(x.gain)}`).join(', ') || 'none';
    add('best rescues', best(ra), best(rb));
  }
  if (a.kind === 'treat' || b.kind === 'treat') {
    add('best response', ra.bestResponse, rb.bestResponse);
    add('progression day', ra.timeToProgressionDays ?? 'none', rb.timeToProgressionDays ?? 'none');
  }
  if (a.kind === 'cohort' || b.kind === 'cohort') {
    const pt = r => (r.cohort ? r.cohort.patients + ' (' + r.cohort.distinctProfiles + ' distinct)' : '');
    add('patients', pt(ra), pt(rb));
    const resp = r => r.response || {};
    const pct = x => (x ? H2.pct(x) : '');
    add('response rate', pct(resp(ra).responseRate), pct(resp(rb).responseRate));
    add('any response', pct(resp(ra).anyResponseRate), pct(resp(rb).anyResponseRate));
    const top = r => (resp(r).nonResponse ? resp(r).nonResponse.topMechanisms.slice(0, 3).map(m => `${m.mechanism} ${m.patients}`).join(', ') : '');
    add('non-response mechanisms', top(ra), top(rb));
    const tum = r => r.tumour || {};
    add('objective response', pct(tum(ra).objectiveResponse), pct(tum(rb).objectiveResponse));
    const med = r => (tum(r).timeToProgression ? (tum(r).timeToProgression.medianDays ?? 'not reached') : '');
    add('median TTP (days)', med(ra), med(rb));
  }
  if (a.kind === 'screen' || b.kind === 'screen') {
    const best = r => (r.ranking || []).filter(x => x.combination.length > 1).slice(0, 3)
      .map(x => `${x.combination.join('+')} ${x.meanBlissExcess >= 0 ? '+' : ''}${H2.num(x.meanBlissExcess)}`).join(', ');
    add('top combinations (Bliss)', best(ra), best(rb));
    add('distinct profiles', (ra.profiles || []).length, (rb.profiles || []).length);
  }
  const box = $('comparison');
  box.hidden = false;
  box.replaceChildren(H2.el('h2', {}, 'Side by side'), H2.el('table', { class: 'compare', id: 'compare-table' },
    H2.el('tr', {}, H2.el('th', {}, ''), H2.el('th', {}, 'A'), H2.el('th', {}, 'B')), rows));
}

main().catch(e => { $('error').textContent = 'Could not load: ' + e.message; });
