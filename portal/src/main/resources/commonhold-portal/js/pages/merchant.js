import { api } from '../api.js';
import { t } from '../i18n.js';
import { money, date } from '../format.js';
import { h, section, table, button, errorBox } from '../ui.js';

// A merchant (商户): for each community it sells in, its orders — serving the paid ones — and its
// settlement statements (gross, subsidy, refunds, commission, net, paid out). Nothing else of the community.
export async function render() {
  const mine = await api.get('/api/commerce/merchants/mine');
  if (!mine.length) return [h('p', {}, t('merchant.none'))];
  return Promise.all(mine.map(m => merchant(m)));
}

async function merchant(m) {
  const base = `/api/commerce/communities/${m.communityId}`;
  const [orders, settlements] = await Promise.all([api.get(`${base}/orders`), api.get(`${base}/settlements`)]);
  const own = orders.filter(o => o.merchantId === m.merchantId);
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const serve = o => button('merchant.serve', async event => {
    try {
      await api.post(`${base}/orders/${o.id}/fulfilment`, {});
      event.target.replaceWith(t('order.FULFILLED'));
      status.textContent = t('merchant.served', { number: o.number });
    } catch (error) {
      status.replaceChildren(errorBox(error));
    }
  }, { 'data-serve': o.id });
  return section('merchant.title',
    h('p', { class: 'lead' }, `${m.name} · ${m.communityName}`),
    status,
    table('merchant.orders', ['services.number', 'services.day', 'merchant.buyer', 'services.gross', 'services.subsidy', 'services.toPay',
      'services.status', 'services.action'],
      own.map(o => [o.number, date(o.serviceDate), o.buyerName, money(o.price.grossFen), money(o.price.subsidyFen), money(o.price.payerFen),
        t(`order.${o.status}`), o.status === 'PAID' ? serve(o) : ''])),
    h('h3', {}, t('merchant.settlements')),
    table('merchant.settlements', ['merchant.settlement', 'merchant.through', 'services.gross', 'services.subsidy', 'merchant.refunds',
      'merchant.commission', 'merchant.net', 'merchant.payout'],
      settlements.filter(s => s.merchantId === m.merchantId).map(s => [s.number, date(s.throughDate), money(s.grossFen), money(s.subsidyFen),
        money(s.refundsFen), money(s.commissionFen), money(s.netFen), money(s.payoutFen)])));
}
