import { api } from '../api.js';
import { t } from '../i18n.js';
import { money, date } from '../format.js';
import { h, section, table, button, errorBox } from '../ui.js';
import { cashier } from '../cashier.js';

// A tenant (租户): their leases — the space, the term, the rent schedule — what they owe, paying a
// charge by WeChat Pay or Alipay, and the lease summary as PDF. Nothing else of the community.
export async function render({ session }) {
  const leases = await api.get('/api/leasing/tenancies');
  if (!leases.length) return [h('p', {}, t('tenant.none'))];
  return leases.map(l => lease(l, session.cashierUrl));
}

function lease(l, cashierUrl) {
  const open = l.charges.filter(c => c.status === 'OPEN' || c.status === 'PART_PAID');
  const owed = open.reduce((sum, c) => sum + c.amountFen - c.settledFen, 0);
  return section('tenant.lease',
    h('p', { class: 'lead' }, t('tenant.summary', { number: l.number, from: date(l.startOn), to: date(l.endOn), rent: money(l.rent.monthlyRentFen),
      months: l.rent.billingCycleMonths })),
    l.indefiniteTerm ? h('p', { class: 'alert' }, t('tenant.indefinite')) : null,
    table('tenant.charges', ['tenant.description', 'invoices.due', 'invoices.total', 'tenant.paid', 'invoices.status', 'tenant.pay'],
      l.charges.map(c => [c.description, date(c.dueOn), money(c.amountFen), money(c.settledFen), t(`charge.${c.status}`),
        c.status === 'OPEN' ? payButtons(l, c, cashierUrl) : ''])),
    h('p', { class: 'total' }, t('invoices.openTotal', { amount: money(owed) })),
    h('p', {}, h('a', { href: `/api/leasing/tenancies/${l.id}/summary`, download: `${l.number}.pdf` }, t('tenant.summaryPdf'))));
}

/** One charge paid by its own order: the QR code, then the schedule shows it paid once billing has settled it. */
function payButtons(l, charge, cashierUrl) {
  const panel = h('div', { class: 'pay', 'aria-live': 'polite' });
  const start = channel => async () => {
    panel.replaceChildren(h('p', {}, t('common.loading')));
    try {
      const order = await api.post(`/api/billing/communities/${l.communityId}/charges/${charge.chargeId}/channel-orders`, { channel });
      panel.replaceChildren(cashier(order, cashierUrl, async () => {
        const now = (await api.get('/api/leasing/tenancies')).find(x => x.id === l.id)?.charges.find(c => c.chargeId === charge.chargeId);
        return now && now.status === 'PAID' ? h('span', {}, t('charge.PAID')) : null;
      }));
    } catch (error) {
      panel.replaceChildren(errorBox(error));
    }
  };
  return h('div', {}, h('div', { class: 'actions' },
    button('pay.wechat', start('WECHAT_PAY'), { 'data-charge': charge.chargeId }),
    button('pay.alipay', start('ALIPAY'))), panel);
}
