import { api } from '../api.js';
import { t } from '../i18n.js';
import { money, date, dateTime } from '../format.js';
import { h, section, table, button, errorBox } from '../ui.js';
import { cashier } from '../cashier.js';

// A resident's community services (社区服务): what the canteen, the lockers and the home services offer
// today with the seats left, ordering one (an elderly resident whose ID the staff checked sees the
// subsidy taken off), paying it with WeChat Pay or Alipay, their orders and collecting a parcel.
export async function render({ communities, session }) {
  const community = communities[0];
  if (!community) return [h('p', {}, t('app.nothingYetHelp'))];
  const base = `/api/commerce/communities/${community.id}`;
  const [offerings, orders] = await Promise.all([api.get(`${base}/offerings`), api.get(`${base}/orders`)]);
  const byId = new Map(offerings.map(o => [o.id, o]));
  const refresh = async () => {
    const main = document.getElementById('main');
    main.replaceChildren(h('h1', {}, t('page.services')), ...(await render({ communities, session })).filter(Boolean));
  };
  return [
    h('p', { class: 'lead' }, community.name),
    section('services.offered',
      table('services.offered', ['services.item', 'services.kind', 'services.price', 'services.who', 'services.hours', 'services.seatsLeft', 'services.order'],
        offerings.filter(o => o.kind !== 'LOCKER_STORAGE').map(o => [o.name, t(`offering.${o.kind}`), money(o.priceFen),
          o.eligibility === 'ELDERLY' ? t('services.elderly', { age: o.minAge }) : t(`eligibility.${o.eligibility}`),
          `${o.opensAt.slice(0, 5)}–${o.closesAt.slice(0, 5)}`, o.seatsLeft === null ? '—' : String(o.seatsLeft),
          orderButton(base, o, session.cashierUrl, refresh)]))),
    section('services.mine',
      table('services.mine', ['services.number', 'services.item', 'services.day', 'services.gross', 'services.subsidy', 'services.toPay',
        'services.status', 'services.action'],
        orders.map(o => [o.number, byId.get(o.offeringId)?.name || t(`offering.${o.kind}`), date(o.serviceDate), money(o.price.grossFen),
          money(o.price.subsidyFen), money(o.price.payerFen), t(`order.${o.status}`), action(base, o, session.cashierUrl, refresh)]))),
  ];
}

/** One of something for today; the answer shows the subsidy and what is left to pay, and the payment. */
function orderButton(base, offering, cashierUrl, refresh) {
  const panel = h('div', { class: 'pay', 'aria-live': 'polite' });
  const order = async () => {
    panel.replaceChildren(h('p', {}, t('common.loading')));
    try {
      const placed = await api.post(`${base}/orders`, { offeringId: offering.id, quantity: 1 }, { idempotencyKey: crypto.randomUUID() });
      panel.replaceChildren(h('p', {}, t('services.placed', { number: placed.number, gross: money(placed.price.grossFen),
        subsidy: money(placed.price.subsidyFen), toPay: money(placed.price.payerFen) })),
        placed.payment ? payButtons(base, placed, cashierUrl, refresh) : h('p', {}, t('services.nothingToPay')));
    } catch (error) {
      panel.replaceChildren(errorBox(error));
    }
  };
  return h('div', {}, button('services.orderOne', order, { 'data-offering': offering.id }), panel);
}

function action(base, o, cashierUrl, refresh) {
  if (o.status === 'PLACED' && o.payment) return payButtons(base, o, cashierUrl, refresh);
  if (o.status === 'STORED') {
    return button('services.collect', async () => {
      try {
        await api.post(`${base}/orders/${o.id}/collection`, {});
        await refresh();
      } catch (error) {
        alertIn(error);
      }
    }, { 'data-parcel': o.id });
  }
  return o.paidAt ? t('services.paidAt', { at: dateTime(o.paidAt) }) : '';
}

/** The order's charges in one WeChat Pay or Alipay order; the list shows it paid once billing has settled it. */
function payButtons(base, o, cashierUrl, refresh) {
  const panel = h('div', { class: 'pay', 'aria-live': 'polite' });
  const billing = base.replace('/api/commerce/', '/api/billing/');
  const [first, ...rest] = o.payment.chargeIds;
  const start = channel => async () => {
    panel.replaceChildren(h('p', {}, t('common.loading')));
    try {
      const order = await openWhenInvoiced(`${billing}/charges/${first}/channel-orders`, { channel, withChargeIds: rest });
      panel.replaceChildren(cashier(order, cashierUrl, async () => {
        const now = await api.get(`${base}/orders/${o.id}`);
        return now.status !== 'PLACED' ? h('a', { href: '#/services', onclick: refresh }, t(`order.${now.status}`)) : null;
      }));
    } catch (error) {
      panel.replaceChildren(errorBox(error));
    }
  };
  return h('div', {}, h('div', { class: 'actions' },
    button('pay.wechat', start('WECHAT_PAY'), { 'data-order': o.id }),
    button('pay.alipay', start('ALIPAY'))), panel);
}

/** Billing learns of an order's charges over Kafka within a second or two: a 404 until then is asked again. */
async function openWhenInvoiced(path, body) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.post(path, body);
    } catch (error) {
      if (error.status !== 404 || attempt >= 10) throw error;
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
}

function alertIn(error) {
  document.getElementById('main').prepend(errorBox(error));
}
