import { api } from '../api.js';
import { t } from '../i18n.js';
import { money, dateTime, area, instantOf } from '../format.js';
import { h, section, table, field, submitting, button, errorBox } from '../ui.js';
import { participation } from '../votes.js';
import { hex } from '../verify.js';

// The owners' committee: the second key on payments out of the co-managed account (rule T3),
// the owners' votes it runs, and the owners' questions and the operator's answers (T5).
export async function render({ communities }) {
  const community = communities[0];
  const c = community.id;
  const [requests, resolutions, objections] = await Promise.all([
    api.get(`/api/trust/communities/${c}/payment-requests`),
    api.get(`/api/community/communities/${c}/resolutions`),
    api.get(`/api/trust/communities/${c}/objections`),
  ]);
  const waiting = requests.filter(r => r.status === 'PENDING');
  // The list leaves out participation; each vote's own page has it.
  const votes = await Promise.all(resolutions.items.map(r => api.get(`/api/community/communities/${c}/resolutions/${r.id}`)));
  return [
    h('p', { class: 'lead' }, community.name),
    section('requests.title',
      waiting.length ? waiting.map(r => paymentRequest(c, r)) : h('p', { class: 'muted' }, t('requests.none')),
      h('h3', {}, t('requests.decided')),
      table('requests.decided', ['requests.payee', 'requests.amount', 'requests.purpose', 'requests.status'],
        requests.filter(r => r.status !== 'PENDING').map(r => [r.payee, money(r.amountFen), r.purpose, t(`request.${r.status}`)]))),
    section('votes.manage', draftForm(c, await api.get(`/api/community/communities/${c}/buildings`)), votes.map(r => managedVote(c, r))),
    section('objections.title', table('objections.title', ['objections.question', 'objections.by', 'objections.age', 'objections.answer'],
      objections.map(o => [o.question, o.raisedByName, t('objections.days', { days: o.ageDays }), o.answer || t('objections.open')]))),
  ];
}

function paymentRequest(c, r) {
  const reason = h('textarea', { rows: '2', maxlength: '500' });
  const form = h('form', { class: 'decision' }, field('reason', 'requests.reason', reason), h('p', { class: 'form-error', role: 'alert' }));
  const decide = decision => () => submitting(form, async () => {
    const body = decision === 'REJECT' ? { decision, reason: reason.value } : { decision };
    const now = await api.post(`/api/trust/communities/${c}/payment-requests/${r.id}/decisions`, body);
    form.replaceChildren(h('p', { role: 'status', class: 'ok' }, t('requests.recorded', { status: t(`request.${now.status}`) })));
  });
  form.append(h('div', { class: 'actions' },
    button('requests.approve', decide('APPROVE'), { class: 'primary', dataset: { request: r.id } }),
    button('requests.reject', decide('REJECT'), { class: 'danger' })));
  return h('article', { class: 'request' },
    h('h3', {}, `${r.payee} · ${money(r.amountFen)}`),
    h('dl', {},
      h('dt', {}, t('requests.purpose')), h('dd', {}, r.purpose),
      h('dt', {}, t('requests.account')), h('dd', {}, `${r.expenseAccount} · ${r.budgetLine || ''}`),
      h('dt', {}, t('requests.approvals')), h('dd', {}, t('requests.approvalsText', { given: r.approvalsGiven, needed: r.approvalsNeeded })),
      h('dt', {}, t('requests.budget')), h('dd', {}, r.budget.exceedsByFen > 0 ? h('strong', { class: 'status overdue' }, t('requests.overBudget', { amount: money(r.budget.exceedsByFen) })) : t('requests.withinBudget')),
      h('dt', {}, t('requests.expires')), h('dd', {}, dateTime(r.expiresAt))),
    h('h4', {}, t('requests.vouchers')),
    h('ul', {}, r.vouchers.map(v => h('li', {},
      h('a', { href: `/api/trust/communities/${c}/payment-requests/${r.id}/vouchers/${v.id}`, target: '_blank', rel: 'noopener' }, v.fileName),
      ' ', h('code', { class: 'hash', title: 'SHA-256' }, v.sha256.slice(0, 16) + '…')))),
    r.decisions.map(d => h('p', { class: 'muted' }, t(d.approved ? 'trust.approvedBy' : 'trust.rejectedBy', { who: d.name, at: dateTime(d.decidedAt), reason: d.reason || '' }))),
    form);
}

function managedVote(c, r) {
  const holder = h('div', {});
  const act = (path, labelKey) => button(labelKey, async () => {
    try {
      await api.post(`/api/community/communities/${c}/resolutions/${r.id}/${path}`);
      holder.replaceChildren(h('p', { role: 'status', class: 'ok' }, t('votes.done')));
    } catch (error) {
      holder.replaceChildren(errorBox(error));
    }
  });
  const showNonVoters = button('votes.nonVoters', async () => {
    try {
      const voters = await api.get(`/api/community/communities/${c}/resolutions/${r.id}/non-voters`);
      holder.replaceChildren(table('votes.nonVoters', ['household.name', 'votes.units', 'household.area'],
        voters.map(v => [v.name, String(v.units), area(v.areaM2)])));
    } catch (error) {
      holder.replaceChildren(errorBox(error));
    }
  });
  return h('article', { class: 'resolution' },
    h('h3', {}, r.title),
    h('p', { class: 'muted' }, t('votes.closes', { at: dateTime(r.closesAt), status: t(`resolution.${r.status}`) })),
    participation(r),
    h('div', { class: 'actions' },
      r.status === 'DRAFT' ? act('open', 'votes.open') : null,
      r.status === 'OPEN' ? act('close', 'votes.close') : null,
      r.status === 'OPEN' ? showNonVoters : null),
    holder);
}

const MATTERS = ['RULES_OF_PROCEDURE', 'OWNERS_RULES', 'ELECT_COMMITTEE', 'HIRE_OR_DISMISS_MANAGER', 'USE_MAINTENANCE_FUND', 'ANNUAL_BUDGET',
  'OTHER_MAJOR_MATTER', 'RAISE_MAINTENANCE_FUND', 'REBUILD', 'ADD_LIFT', 'CHANGE_USE_OF_COMMON_PARTS', 'COMMERCIAL_USE_OF_COMMON_PARTS'];

/**
 * Drafts a vote: the question, its matter (which sets the majority the Civil Code asks for), who votes
 * (the whole community or one building's owners), when it closes, and its papers — each paper's
 * SHA-256 is computed here in the browser and recorded, so owners can check the copy they are shown.
 */
function draftForm(c, buildings) {
  const title = h('input', { type: 'text', required: true, maxlength: '200' });
  const description = h('textarea', { rows: '3', maxlength: '5000' });
  const matter = h('select', {}, MATTERS.map(m => h('option', { value: m }, t(`matter.${m}`))));
  const scope = h('select', {}, h('option', { value: '' }, t('votes.wholeCommunity')),
    (buildings.items || buildings).map(b => h('option', { value: b.id }, b.name)));
  const closes = h('input', { type: 'datetime-local', required: true });
  const papers = h('input', { type: 'file', multiple: true });
  const done = h('div', { 'aria-live': 'polite' });
  const form = h('form', {}, field('title', 'votes.question', title), field('description', 'votes.description', description),
    field('matter', 'votes.matter', matter), field('electorate', 'votes.electorate', scope), field('closesAt', 'votes.closesAt', closes),
    field('documents', 'votes.papers', papers), h('p', { class: 'form-error', role: 'alert' }),
    h('button', { type: 'submit', class: 'primary' }, t('votes.draft')), done);
  form.addEventListener('submit', event => {
    event.preventDefault();
    submitting(form, async () => {
      const documents = await Promise.all([...papers.files].map(async f => ({ name: f.name, sha256: await sha256Hex(f) })));
      const drafted = await api.post(`/api/community/communities/${c}/resolutions`, {
        title: title.value, description: description.value, matter: matter.value,
        electorate: scope.value ? { scope: 'BUILDINGS', ids: [scope.value] } : { scope: 'WHOLE_COMMUNITY', ids: [] },
        documents, closesAt: closes.value ? instantOf(closes.value) : null,
      });
      form.reset();
      done.replaceChildren(h('p', { role: 'status', class: 'ok' }, t('votes.drafted', { title: drafted.title })));
    });
  });
  return h('details', { class: 'draft' }, h('summary', {}, t('votes.draftTitle')), form);
}

async function sha256Hex(file) {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())));
}
