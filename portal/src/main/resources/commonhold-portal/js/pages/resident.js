import { api } from '../api.js';
import { t } from '../i18n.js';
import { money, date, dateTime, area, monthOf } from '../format.js';
import { h, section, table, field, submitting, errorBox, button } from '../ui.js';
import { verifyHead } from '../verify.js';
import { participation } from '../votes.js';
import { cashier } from '../cashier.js';
import { communityFranchise } from './franchise.js';

// A resident's own household, bills, the community's trust account, their maintenance-fund
// sub-account and the owners' votes — everything a resident reads or does, on one page.
export async function render({ communities, session }) {
  const community = communities[0];
  if (!community) return [h('p', {}, t('app.nothingYetHelp'))];
  const c = community.id;
  const [home, billed] = await Promise.all([
    api.get(`/api/community/communities/${c}/households/mine`),
    api.get(`/api/billing/communities/${c}/households/mine`),
  ]);
  return [
    h('p', { class: 'lead' }, community.name),
    household(home),
    await invoices(community, billed, session.cashierUrl),
    await trustAccount(community),
    await fund(community, home),
    await commonLeases(community),
    await communityFranchise(community),
    await votes(community),
  ];
}

function household(home) {
  const people = [...home.ownerships.map(o => [o.name, t('household.owner')]),
    ...home.residences.map(r => [r.name, t(`relation.${r.relation}`)])];
  return section('household.title',
    table('household.units', ['household.unit', 'household.floor', 'household.area', 'household.use'],
      home.units.map(u => [`${u.building} ${u.number}`, String(u.floor), area(u.exclusiveAreaM2), t(`use.${u.use}`)])),
    table('household.people', ['household.name', 'household.relation'], people));
}

async function invoices(community, billed, cashierUrl) {
  const c = community.id;
  const parts = [];
  for (const unit of billed) {
    const [list, credit] = await Promise.all([
      api.get(`/api/billing/communities/${c}/units/${unit.unitId}/invoices`).then(page => page.items),
      api.get(`/api/billing/communities/${c}/units/${unit.unitId}/credit`),
    ]);
    const open = list.reduce((sum, i) => sum + i.openFen, 0);
    parts.push(h('h3', {}, unit.reference),
      table('invoices.title', ['invoices.number', 'invoices.period', 'invoices.due', 'invoices.total', 'invoices.open', 'invoices.status'],
        list.map(i => [i.number, `${date(i.periodStart)} – ${date(i.periodEnd)}`, date(i.dueOn), money(i.totalFen), money(i.openFen),
          h('span', { class: `status ${i.status.toLowerCase()}` }, t(`invoice.${i.status}`))])),
      h('p', { class: 'total' }, t('invoices.openTotal', { amount: money(open) })),
      credit.balanceFen > 0 ? h('p', { class: 'credit' }, t('invoices.credit', { amount: money(credit.balanceFen) })) : null,
      open > 0 ? payPanel(c, unit.unitId, cashierUrl) : null,
      h('p', {}, h('a', { href: `/api/billing/communities/${c}/units/${unit.unitId}/statement`, download: '' }, t('invoices.statementPdf'))));
  }
  return section('invoices.title', ...parts);
}

/** Pay what is open with WeChat Pay or Alipay: the order, its QR code (as a real channel's cashier shows it), then the receipt. */
function payPanel(c, unitId, cashierUrl) {
  const panel = h('div', { class: 'pay', 'aria-live': 'polite' });
  const start = channel => async () => {
    panel.replaceChildren(h('p', {}, t('common.loading')));
    try {
      const order = await api.post(`/api/billing/communities/${c}/units/${unitId}/channel-orders`, { channel });
      panel.replaceChildren(cashier(order, cashierUrl, async () => {
        const now = await api.get(`/api/billing/communities/${c}/channel-orders/${order.id}`);
        return now.paid ? h('a', { href: `/api/billing/communities/${c}/payments/${now.paymentId}/receipt`, id: 'receipt-link' }, t('pay.receipt')) : null;
      }));
    } catch (error) {
      panel.replaceChildren(errorBox(error));
    }
  };
  return h('div', {}, h('div', { class: 'actions' },
    button('pay.wechat', start('WECHAT_PAY'), { id: 'pay-wechat' }),
    button('pay.alipay', start('ALIPAY'), { id: 'pay-alipay' })), panel);
}

/** The common parts let for rent and what they earned the owners (T1): tenants' personal names masked by the service. */
async function commonLeases(community) {
  const leases = await api.get(`/api/leasing/communities/${community.id}/leases`).catch(() => null);
  if (!leases) return null;
  return section('leases.commonTitle',
    table('leases.commonTitle', ['leases.number', 'leases.tenant', 'leases.term', 'leases.monthlyRent', 'leases.status', 'leases.earned'],
      leases.items.map(l => [l.number, l.tenant.name, `${date(l.startOn)} – ${date(l.endOn)}`, money(l.rent.monthlyRentFen),
        t(`lease.${l.status}`), money(l.settledFen)])),
    h('p', { class: 'total' }, t('leases.earnedTotal', { amount: money(leases.settledFen) })));
}

async function trustAccount(community) {
  const c = community.id;
  const heads = await api.get(`/api/trust/communities/${c}/months`);
  const months = [...new Set([monthOf(new Date()), ...heads.map(m => m.period).reverse()])];
  const holder = h('div', {});
  const select = h('select', { id: 'statement-month' }, months.map(m => h('option', { value: m }, m)));
  const show = async () => {
    holder.replaceChildren(h('p', {}, t('common.loading')));
    try {
      holder.replaceChildren(await statement(community, select.value, heads.find(m => m.period === select.value)));
    } catch (error) {
      holder.replaceChildren(errorBox(error));
    }
  };
  select.addEventListener('change', show);
  await show();
  const questions = await api.get(`/api/trust/communities/${c}/objections`);
  return section('trust.title', h('p', {}, t('trust.intro')), field('month', 'trust.month', select), holder,
    h('h3', {}, t('objections.title')),
    table('objections.title', ['objections.question', 'objections.by', 'objections.age', 'objections.answer'],
      questions.map(o => [o.question, o.raisedByName, t('objections.days', { days: o.ageDays }), o.answer || t('objections.open')])));
}

async function statement(community, month, head) {
  const c = community.id;
  const s = await api.get(`/api/trust/communities/${c}/statements/${month}`);
  const verdict = h('div', { class: 'verdict', role: 'status', 'aria-live': 'polite' });
  const verify = () => checkAgainstTheHead().catch(error => verdict.replaceChildren(errorBox(error)));
  const checkAgainstTheHead = async () => {
    verdict.replaceChildren(t('verify.running'));
    const [exported, operatorKey] = await Promise.all([
      api.get(`/api/trust/communities/${c}/export`, { raw: true, accept: 'application/x-ndjson' }).then(r => r.text()),
      api.get('/api/trust/operator-key'),
    ]);
    const lines = exported.split('\n').filter(Boolean).map(l => JSON.parse(l));
    const result = await verifyHead(lines, head, operatorKey.publicKey);
    verdict.className = `verdict ${result.ok ? 'good' : 'bad'}`;
    verdict.replaceChildren(
      h('strong', { id: 'verify-result' }, result.ok ? t('verify.ok', { count: result.checked, month }) : t('verify.failed', { month })),
      h('p', { class: 'hash' }, t('verify.root', { root: result.root })),
      h('ul', {}, result.signers.map(s => h('li', {}, t(s.good ? 'verify.signedBy' : 'verify.badSignature', { who: s.who })))),
      h('ul', {}, result.problems.map(p => h('li', {}, t(p.key, p.params)))));
  };
  return h('div', {},
    table('trust.summary', ['trust.item', 'trust.amount'], [
      [t('trust.opening'), money(s.openingBankFen)],
      ...s.income.map(i => [`${t('trust.income')} · ${i.name}`, money(i.fen)]),
      ...s.expenses.map(e => [`${t('trust.expense')} · ${e.name}`, money(-e.fen)]),
      [t('trust.closing'), money(s.closingBankFen)]]),
    head ? h('div', { class: 'actions' }, button('verify.button', verify, { id: 'verify-statement' })) : h('p', { class: 'muted' }, t('trust.notClosed')),
    verdict,
    h('p', {}, h('a', { href: `/api/trust/communities/${c}/statements/${month}?format=pdf` }, t('trust.pdf'))),
    table('trust.lines', ['trust.when', 'trust.what', 'trust.bank', 'trust.evidence', 'trust.question'],
      s.lines.map(line => [dateTime(line.postedAt), line.description, money(bankLeg(line)),
        line.paymentRequestId ? evidence(c, line.paymentRequestId) : '—', objectionForm(c, line.entryId)])));
}

/** What the line moved in the co-managed bank account (1002): + in, − out. */
function bankLeg(line) {
  return line.postings.filter(p => p.account === '1002').reduce((s, p) => s + p.amountFen, 0);
}

function evidence(c, requestId) {
  const holder = h('div', {});
  holder.append(button('trust.showVouchers', async () => {
    let request;
    try {
      request = await api.get(`/api/trust/communities/${c}/payment-requests/${requestId}`);
    } catch (error) {
      holder.replaceChildren(errorBox(error));
      return;
    }
    holder.replaceChildren(h('ul', {},
      request.vouchers.map(v => h('li', {}, h('a', { href: `/api/trust/communities/${c}/payment-requests/${requestId}/vouchers/${v.id}` }, v.fileName))),
      request.decisions.map(d => h('li', {}, t(d.approved ? 'trust.approvedBy' : 'trust.rejectedBy', { who: d.name, at: dateTime(d.decidedAt), reason: d.reason || '' })))));
  }, { class: 'link' }));
  return holder;
}

/** A question on one entry (rule T5), behind a disclosure so a month of entries is not a wall of text boxes. */
function objectionForm(c, entryId) {
  const input = h('input', { type: 'text', maxlength: '500' });
  const form = h('form', { class: 'inline' }, field('question', 'trust.askLabel', input), h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit' }, t('trust.ask')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitting(form, async () => {
      await api.post(`/api/trust/communities/${c}/entries/${entryId}/objections`, { question: input.value });
      form.replaceChildren(h('p', { role: 'status' }, t('trust.asked')));
    });
  });
  return h('details', { class: 'ask' }, h('summary', {}, t('trust.question')), form);
}

async function fund(community, home) {
  const c = community.id;
  const [accounts, projects] = await Promise.all([
    api.get(`/api/fund/communities/${c}/sub-accounts/mine`),
    api.get(`/api/fund/communities/${c}/projects`),
  ]);
  const mine = new Set(home.units.map(u => u.id));
  const shares = projects.flatMap(p => p.shares.filter(s => mine.has(s.unitId)).map(s => [p.title, t(`project.${p.status}`), s.unit, money(s.shareFen), money(s.fromFundFen), money(s.contributionFen)]));
  return section('fund.title',
    table('fund.accounts', ['fund.unit', 'fund.deposit', 'fund.balance', 'fund.topUpLine'],
      accounts.map(a => [a.unit, money(a.initialDepositFen), money(a.balanceFen),
        a.belowTopUpLine ? h('span', { class: 'status overdue' }, t('fund.below', { line: money(a.topUpLineFen) })) : money(a.topUpLineFen)])),
    h('h3', {}, t('fund.shares')),
    table('fund.shares', ['fund.project', 'fund.status', 'fund.unit', 'fund.share', 'fund.fromFund', 'fund.contribution'], shares));
}

async function votes(community) {
  const c = community.id;
  const items = (await api.get(`/api/community/communities/${c}/resolutions`)).items;
  // The list leaves out participation; each vote's own page has it (and the caller's ballots).
  const list = await Promise.all(items.map(r => api.get(`/api/community/communities/${c}/resolutions/${r.id}`)));
  return section('votes.title', ...list.map(r => resolution(c, r)), list.length ? null : h('p', { class: 'muted' }, t('common.none')));
}

function resolution(c, r) {
  const live = h('div', { class: 'participation', 'aria-live': 'polite' });
  const refresh = async () => {
    const now = await api.get(`/api/community/communities/${c}/resolutions/${r.id}`);
    live.replaceChildren(participation(now));
  };
  live.append(participation(r));
  // Live while the vote is open: participation is refreshed every 15 s as long as the page shows it.
  const every = setInterval(() => (live.isConnected ? refresh().catch(() => {}) : clearInterval(every)), 15_000);
  if (r.status !== 'OPEN') clearInterval(every);
  const choices = ['APPROVE', 'REJECT', 'ABSTAIN'];
  const form = h('form', { class: 'vote' }, h('fieldset', {}, h('legend', {}, t('votes.yourChoice')),
    choices.map(choice => h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'choice', value: choice, checked: r.myBallots.at(-1)?.choice === choice }), t(`choice.${choice}`)))),
    h('p', { class: 'form-error', role: 'alert' }), h('button', { type: 'submit' }, t(r.myBallots.length ? 'votes.change' : 'votes.cast')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const choice = form.querySelector('input[name=choice]:checked')?.value;
    submitting(form, async () => {
      await api.post(`/api/community/communities/${c}/resolutions/${r.id}/ballots`, { choice });
      form.querySelector('button').textContent = t('votes.change');
      await refresh();
      form.append(h('p', { role: 'status', class: 'ok' }, t('votes.recorded', { choice: t(`choice.${choice}`) })));
    });
  });
  return h('article', { class: 'resolution' },
    h('h3', {}, r.title), h('p', {}, r.description),
    h('p', { class: 'muted' }, t('votes.closes', { at: dateTime(r.closesAt), status: t(`resolution.${r.status}`) })),
    h('ul', { class: 'papers' }, r.documents.map(d => h('li', {}, d.name, ' ', h('code', { class: 'hash', title: 'SHA-256' }, d.sha256.slice(0, 16) + '…')))),
    live,
    r.status === 'OPEN' ? form : null);
}
