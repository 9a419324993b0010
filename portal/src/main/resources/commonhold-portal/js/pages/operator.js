import { api } from '../api.js';
import { t } from '../i18n.js';
import { money, date, dateTime, monthOf, percent, dayOf } from '../format.js';
import { h, section, table, field, submitting, button, errorBox } from '../ui.js';
import { chart } from '../charts.js';

// Operator staff and admins: the dashboard, billing runs with live progress, reconciliation
// exceptions, payment requests with vouchers, and onboarding a community from a spreadsheet.
export async function render({ communities, session }) {
  const community = communities[0];
  if (!community) return [h('p', {}, t('operator.noCommunity'))];
  const admin = session.roles.includes('operator-admin');
  return [
    h('p', { class: 'lead' }, community.name),
    await dashboard(community),
    await leasing(community),
    await commerce(community),
    admin ? billingRuns(community) : null,
    admin ? reconciliation() : null,
    paymentRequest(community),
    await questions(community),
    onboarding(community),
  ];
}

/**
 * Commerce: the merchants' settlements (T+N) with the button that settles what is due, and the
 * elderly-subsidy claims to the street office with the button that claims this month's served meals.
 */
async function commerce(community) {
  const base = `/api/commerce/communities/${community.id}`;
  const [settlements, claims] = await Promise.all([api.get(`${base}/settlements`), api.get(`${base}/subsidy-claims`)]).catch(() => [null, null]);
  if (!settlements) return null;
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const settle = async () => {
    try {
      const issued = await api.post(`${base}/settlements`, {});
      status.textContent = t('commerce.settled', { count: issued.length });
    } catch (error) {
      status.replaceChildren(errorBox(error));
    }
  };
  const claim = async () => {
    const today = dayOf(new Date());
    try {
      const c = await api.post(`${base}/subsidy-claims`, { from: `${today.slice(0, 8)}01`, through: today });
      status.textContent = t('commerce.claimed', { number: c.number, orders: c.orders, amount: money(c.totalFen) });
    } catch (error) {
      status.replaceChildren(errorBox(error));
    }
  };
  return section('commerce.title',
    h('div', { class: 'actions' }, button('commerce.settle', settle, { id: 'commerce-settle' }), button('commerce.claimMonth', claim, { id: 'commerce-claim' })),
    status,
    table('commerce.settlements', ['merchant.settlement', 'commerce.merchant', 'merchant.through', 'services.gross', 'services.subsidy',
      'merchant.refunds', 'merchant.commission', 'merchant.net', 'merchant.payout'],
      settlements.map(x => [x.number, x.merchantName, date(x.throughDate), money(x.grossFen), money(x.subsidyFen), money(x.refundsFen),
        money(x.commissionFen), money(x.netFen), money(x.payoutFen)])),
    h('h3', {}, t('commerce.claims')),
    claimsTable(base, claims));
}

/** Subsidy claims, each with its per-order evidence as CSV (shared with the regulator's page). */
export function claimsTable(base, claims) {
  return table('commerce.claims', ['commerce.claim', 'commerce.period', 'commerce.orders', 'commerce.total', 'commerce.evidence'],
    claims.map(c => [c.number, `${date(c.from)} – ${date(c.through)}`, String(c.orders), money(c.totalFen),
      h('a', { href: `${base}/subsidy-claims/${c.id}/evidence.csv`, download: `${c.number}.csv` }, t('commerce.csv'))]));
}

/** Leasing: occupancy by area, the rent roll (next due, arrears, deposits held) and leases ending within 90 days. */
async function leasing(community) {
  const c = community.id;
  const [vacancy, roll, expiring] = await Promise.all([
    api.get(`/api/leasing/communities/${c}/vacancy`),
    api.get(`/api/leasing/communities/${c}/rent-roll`),
    api.get(`/api/leasing/communities/${c}/expiring-leases`),
  ]).catch(() => [null, null, null]);
  if (!vacancy) return null;
  const total = vacancy.total;
  return section('leasing.title',
    h('div', { class: 'figures' },
      figure('leasing.occupancy', total.areaCentiM2 ? percent(total.leasedAreaCentiM2, total.areaCentiM2) : '—',
        t('leasing.occupancyHelp', { leased: total.leased, spaces: total.spaces })),
      figure('leasing.monthlyRent', money(roll.monthlyRentFen), t('leasing.monthlyRentHelp')),
      figure('leasing.arrears', money(roll.arrearsFen), t('leasing.depositsHeld', { amount: money(roll.depositHeldFen) }))),
    table('leasing.rentRoll', ['leases.number', 'leasing.spaces', 'leases.tenant', 'leases.monthlyRent', 'leasing.nextDue', 'leasing.arrears', 'leases.status'],
      roll.rows.map(r => [r.number, r.spaces.join('、'), r.tenant, money(r.monthlyRentFen),
        r.nextDueOn ? `${date(r.nextDueOn)} · ${money(r.nextDueFen)}` : '—', money(r.arrearsFen), t(`lease.${r.status}`)])),
    table('leasing.expiring', ['leases.number', 'leases.tenant', 'leasing.endOn', 'leasing.within'],
      expiring.map(e => [e.number, e.tenant, date(e.endOn), t('leasing.days', { days: e.withinDays })])),
    h('p', {}, t('leasing.vacant', { spaces: vacancy.vacantSpaces.join('、') || '—' })));
}

function lastMonths(n) {
  const now = new Date();
  return Array.from({ length: n }, (_, i) => monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1 - i), 15))));
}

async function dashboard(community) {
  const c = community.id;
  const months = lastMonths(3);
  const [statements, arrears, runs, lots] = await Promise.all([
    Promise.all(months.map(m => api.get(`/api/trust/communities/${c}/statements/${m}`))),
    api.get(`/api/billing/communities/${c}/arrears`),
    api.get(`/api/billing/communities/${c}/runs`),
    api.get(`/api/parking/communities/${c}/lots`).catch(() => []),
  ]);
  const occupancy = await Promise.all(lots.map(l => api.get(`/api/parking/communities/${c}/lots/${l.id}/occupancy`)));
  const classes = [...new Set(statements.flatMap(s => s.income.map(i => i.name)))];
  const current = monthOf(new Date());
  const due = runs.filter(r => r.status === 'DONE' && r.period < current).reduce((s, r) => s + r.issuedFen, 0);
  const byDay = incomeByDay(statements.at(-1));
  const dayAccounts = statements.at(-1).income.map(i => ({ account: i.account, name: i.name }));
  const buckets = ['DAYS_1_30', 'DAYS_31_90', 'DAYS_91_365', 'OVER_A_YEAR'];
  return section('dashboard.title',
    h('div', { class: 'figures' },
      figure('dashboard.collectionRate', due ? percent(due - arrears.totalFen, due) : '—', t('dashboard.collectionRateHelp')),
      figure('dashboard.arrears', money(arrears.totalFen), t('dashboard.unitsInArrears', { units: arrears.unitsInArrears })),
      ...occupancy.map(o => figure('dashboard.parking', percent(o.inside, o.capacity), t('dashboard.parkingHelp', { lot: o.lot, inside: o.inside, capacity: o.capacity })))),
    chart('dashboard.incomeByMonth', {
      legend: { top: 0 }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months }, yAxis: { type: 'value', name: t('dashboard.yuan') },
      series: classes.map(name => ({ name, type: 'bar', stack: 'income', data: statements.map(s => yuan(s.income.find(i => i.name === name)?.fen || 0)) })),
    }, table('dashboard.incomeByMonth', ['dashboard.month', 'dashboard.class', 'trust.amount'],
      statements.flatMap((s, i) => s.income.map(x => [months[i], x.name, money(x.fen)])))),
    chart('dashboard.incomeByDay', {
      legend: { top: 0 }, tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: byDay.map(d => d[0]) }, yAxis: { type: 'value', name: t('dashboard.yuan') },
      series: dayAccounts.map(a => ({ name: a.name, type: 'bar', stack: 'day', data: byDay.map(([, fen]) => yuan(fen[a.account] || 0)) })),
    }, table('dashboard.incomeByDay', ['dashboard.day', 'dashboard.class', 'trust.amount'],
      byDay.flatMap(([day, fen]) => dayAccounts.filter(a => fen[a.account]).map(a => [day, a.name, money(fen[a.account])])))),
    chart('dashboard.aging', {
      tooltip: {}, xAxis: { type: 'category', data: buckets.map(b => t(`aging.${b}`)) }, yAxis: { type: 'value', name: t('dashboard.yuan') },
      series: [{ name: t('dashboard.arrears'), type: 'bar', data: buckets.map(b => yuan(arrears.buckets[b].openFen)) }],
    }, table('dashboard.aging', ['dashboard.bucket', 'dashboard.units', 'trust.amount'],
      buckets.map(b => [t(`aging.${b}`), String(arrears.buckets[b].units), money(arrears.buckets[b].openFen)]))));
}

function yuan(fen) {
  return fen / 100; // for the chart's axis only; every figure shown as text is exact (money())
}

/** Income (credits to 4xxx accounts) per day of the month and account, in the community's zone: [[day, {account: fen}]]. */
function incomeByDay(statement) {
  const days = new Map();
  for (const line of statement.lines) {
    for (const p of line.postings.filter(x => x.account.startsWith('4') && x.amountFen < 0)) {
      const day = dayOf(line.postedAt);
      const byAccount = days.get(day) || {};
      byAccount[p.account] = (byAccount[p.account] || 0) - p.amountFen;
      days.set(day, byAccount);
    }
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function figure(labelKey, value, help) {
  return h('div', { class: 'figure' }, h('p', { class: 'figure-label' }, t(labelKey)), h('p', { class: 'figure-value' }, value), h('p', { class: 'muted' }, help));
}

function billingRuns(community) {
  const period = h('input', { type: 'month', value: monthOf(new Date()), required: true });
  const progress = h('div', { class: 'run-progress', 'aria-live': 'polite' });
  const form = h('form', {}, field('period', 'runs.period', period), h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', id: 'start-run', class: 'primary' }, t('runs.start')), progress);
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitting(form, async () => {
      const run = await api.post('/api/billing/runs', { communityId: community.id, period: period.value });
      await follow(run.id, progress);
    });
  });
  return section('runs.title', h('p', {}, t('runs.intro')), form);
}

/** Polls a run until it is done, showing done/total, speed and time left as it goes. */
async function follow(runId, progress) {
  for (;;) {
    const run = await api.get(`/api/billing/runs/${runId}`);
    progress.replaceChildren(...[
      h('progress', { max: String(run.totalUnits || 1), value: String(run.doneUnits), 'aria-label': t('runs.title') }),
      h('p', { id: 'run-status' }, t('runs.progress', { done: run.doneUnits, total: run.totalUnits, percent: run.percent, speed: run.unitsPerSecond, eta: run.etaSeconds })),
      run.status === 'DONE' ? h('p', { role: 'status', class: 'ok', id: 'run-done' }, t('runs.done', { issued: run.issued, amount: money(run.issuedFen), already: run.alreadyBilled, unpriced: run.withoutPrice })) : null,
      run.error ? h('p', { class: 'alert', role: 'alert' }, run.error) : null].filter(Boolean));
    if (run.status !== 'RUNNING' || !progress.isConnected) return;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

function reconciliation() {
  const channel = h('select', {}, ['WECHAT_PAY', 'ALIPAY'].map(ch => h('option', { value: ch }, t(`channel.${ch}`))));
  // A day is reconciled once it has ended: yesterday, in the community's zone.
  const day = h('input', { type: 'date', value: dayOf(Date.now() - 86_400_000), required: true });
  const file = h('input', { type: 'file', accept: '.csv,text/csv' });
  const result = h('div', { 'aria-live': 'polite' });
  const base = () => `/api/billing/reconciliation/${channel.value}/${day.value}`;
  const form = h('form', {}, field('channel', 'recon.channel', channel), field('day', 'recon.day', day), field('statement', 'recon.file', file),
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('recon.show')), button('recon.upload', () => submitting(form, async () => {
      if (!file.files[0]) throw fieldProblem('statement', t('recon.chooseFile'));
      showDay(await api.put(`${base()}/statement`, file.files[0], { contentType: 'text/csv' }));
    }))), result);
  const showDay = d => result.replaceChildren(
    h('p', {}, t('recon.summary', { rows: d.statementRows, matched: d.matched, amount: money(d.matchedFen), open: d.openExceptions })),
    ...d.exceptions.map(e => exception(base(), e, () => submitting(form, async () => showDay(await api.get(base()))))));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitting(form, async () => showDay(await api.get(base())));
  });
  return section('recon.title', h('p', {}, t('recon.intro')), form);
}

function exception(base, e, reload) {
  const text = h('input', { type: 'text', maxlength: '500' });
  const form = h('form', { class: 'inline' }, field('resolution', 'recon.resolution', text), h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit' }, t('recon.resolve')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitting(form, async () => {
      await api.post(`${base}/exceptions/${e.id}/resolution`, { resolution: text.value });
      await reload();
    });
  });
  return h('article', { class: 'exception' },
    h('p', {}, h('strong', {}, t(`recon.kind.${e.kind}`)), ' ', e.transactionId || '',
      ` · ${t('recon.ours')} ${money(e.ourFen)} · ${t('recon.theirs')} ${money(e.statementFen)}`),
    e.resolved ? h('p', { class: 'muted' }, t('recon.resolvedBy', { who: e.resolvedBy, at: dateTime(e.resolvedAt), text: e.resolution })) : form);
}

/** What trust accounts take as vouchers (PDF or photos, at most 10 MB each), checked before a request is raised. */
const VOUCHER_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];
const MAX_VOUCHER_BYTES = 10 * 1024 * 1024;
/** The largest payment request trust accounts take: 100 million yuan. */
const MAX_REQUEST_FEN = 10_000_000_000;

/** A refusal found in the page itself, shown next to its field like one the API names. */
function fieldProblem(name, message) {
  return Object.assign(new Error(message), { fieldErrors: () => [{ field: name, message }] });
}

/** Yuan as typed ("1,234.5") to fen, exactly (no floating point); null when it is not an amount. */
export function toFen(text) {
  const match = String(text).trim().replace(/[,\uFF0C\s]/g, '').match(/^(\d{1,12})(?:\.(\d{1,2}))?$/);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] || '').padEnd(2, '0'));
}

function paymentRequest(community) {
  const c = community.id;
  const payee = h('input', { type: 'text', required: true, maxlength: '200' });
  const amount = h('input', { type: 'text', inputmode: 'decimal', required: true, placeholder: '1800.00' });
  const account = h('select', {});
  api.get(`/api/trust/communities/${c}/accounts`).then(books => account.replaceChildren(
    ...books.accounts.filter(a => a.code.startsWith('5')).map(a => h('option', { value: a.code }, `${a.code} ${a.name}`))));
  const budgetLine = h('input', { type: 'text', maxlength: '200' });
  const purpose = h('input', { type: 'text', required: true, maxlength: '500' });
  const vouchers = h('input', { type: 'file', multiple: true, accept: VOUCHER_TYPES.join(',') });
  const done = h('div', { 'aria-live': 'polite' });
  const form = h('form', {}, field('payee', 'requests.payee', payee), field('amountFen', 'requests.amountYuan', amount),
    field('expenseAccount', 'requests.account', account), field('budgetLine', 'requests.budgetLine', budgetLine),
    field('purpose', 'requests.purpose', purpose), field('vouchers', 'requests.vouchers', vouchers),
    h('p', { class: 'form-error', role: 'alert' }), h('button', { type: 'submit', class: 'primary' }, t('requests.raise')), done);
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitting(form, async () => {
      const fen = toFen(amount.value);
      if (fen === null || fen > MAX_REQUEST_FEN) throw fieldProblem('amountFen', t('requests.amountHelp'));
      // Every voucher is checked before the request exists, so a refused file never leaves a request without its papers.
      const refused = [...vouchers.files].find(f => !VOUCHER_TYPES.includes(f.type) || f.size > MAX_VOUCHER_BYTES);
      if (refused) throw fieldProblem('vouchers', t('requests.voucherRefused', { name: refused.name }));
      const request = await api.post(`/api/trust/communities/${c}/payment-requests`,
        { payee: payee.value, amountFen: fen, expenseAccount: account.value, budgetLine: budgetLine.value || null, purpose: purpose.value });
      try {
        for (const file of vouchers.files) {
          await api.post(`/api/trust/communities/${c}/payment-requests/${request.id}/vouchers?fileName=${encodeURIComponent(file.name)}`, file,
            { contentType: file.type });
        }
      } catch (error) {
        // A request whose papers did not all arrive is withdrawn, with the reason, rather than left for the committee.
        await api.post(`/api/trust/communities/${c}/payment-requests/${request.id}/withdrawal`, { reason: t('requests.voucherFailedReason') }).catch(() => {});
        throw fieldProblem('vouchers', `${t('requests.voucherFailed')} ${error.problem?.detail || error.message}`);
      }
      form.reset();
      done.replaceChildren(h('p', { role: 'status', class: 'ok' }, t('requests.raised', { amount: money(fen), count: vouchers.files.length })));
    });
  });
  return section('requests.raiseTitle', h('p', {}, t('requests.raiseIntro')), form);
}

/** Owners' questions on entries (rule T5): the operator answers each once, publicly; open ones first. */
async function questions(community) {
  const c = community.id;
  const all = await api.get(`/api/trust/communities/${c}/objections`);
  return section('objections.answerTitle', all.length ? all.map(o => {
    const text = h('textarea', { rows: '2', maxlength: '1000' });
    const form = h('form', {}, field('answer', 'objections.answer', text), h('p', { class: 'form-error', role: 'alert' }),
      h('button', { type: 'submit', class: 'primary' }, t('objections.send')));
    form.addEventListener('submit', event => {
      event.preventDefault();
      submitting(form, async () => {
        const answered = await api.post(`/api/trust/communities/${c}/objections/${o.id}/answer`, { answer: text.value });
        form.replaceChildren(h('p', { role: 'status', class: 'ok' }, answered.answer));
      });
    });
    return h('article', { class: 'request' },
      h('p', {}, h('strong', {}, o.question), ` · ${o.raisedByName} · ${t('objections.days', { days: o.ageDays })}`),
      o.open ? form : h('p', { class: 'muted' }, o.answer));
  }) : h('p', { class: 'muted' }, t('common.none')));
}

function onboarding(community) {
  const file = h('input', { type: 'file', accept: '.csv,text/csv,text/tab-separated-values' });
  const report = h('div', { 'aria-live': 'polite' });
  const form = h('form', {}, field('file', 'import.file', file), h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary' }, t('import.send')), report);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) return;
    report.replaceChildren(h('p', {}, t('common.loading')));
    api.post(`/api/community/communities/${community.id}/imports`, chosen, { contentType: 'text/csv' })
      .then(result => report.replaceChildren(h('p', { role: 'status', class: 'ok' }, t('import.done', { units: result.units ?? result.unitsImported ?? '', owners: result.owners ?? '' }))))
      .catch(async error => report.replaceChildren(errorBox(error), await rowReport(chosen, error.problem?.errors || [])));
  });
  return section('import.title', h('p', {}, t('import.intro')), form);
}

/** The file as a table with every cell the register refused marked and its reason beside it. */
async function rowReport(file, errors) {
  if (!errors.length || errors.every(e => !e.column)) return h('p', {}); // nothing to mark in the file (an empty or unreadable one)
  const text = await file.text();
  const rows = text.replace(/^\ufeff/, '').split(/\r?\n/).map(line => line.split(line.includes('\t') ? '\t' : ','));
  const header = rows[0];
  const byRow = new Map();
  errors.forEach(e => byRow.set(e.row, [...(byRow.get(e.row) || []), e]));
  const shown = [...byRow.keys()].sort((a, b) => a - b).slice(0, 200);
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('import.report') },
    h('table', { class: 'import-report' },
      h('caption', {}, t('import.report')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('import.row')), header.map(c => h('th', { scope: 'col' }, c)), h('th', { scope: 'col' }, t('import.problems')))),
      h('tbody', {}, shown.map(row => {
        const problems = byRow.get(row);
        const cells = rows[row - 1] || [];
        return h('tr', {}, h('th', { scope: 'row' }, String(row)),
          header.map((column, i) => h('td', { class: problems.some(p => p.column === column) ? 'bad-cell' : '' }, cells[i] ?? '')),
          h('td', {}, problems.map(p => `${p.column}: ${p.message}`).join('; ')));
      }))));
}
