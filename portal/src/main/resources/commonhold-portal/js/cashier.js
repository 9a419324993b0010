import { t } from './i18n.js';
import { money, dateTime } from './format.js';
import { h } from './ui.js';

/**
 * The channel's cashier step: the order's QR code to scan with the phone, and the same page as a link
 * for paying on this device. In the local stack the channel simulator plays the cashier; billing
 * settles when the channel's signed notification arrives, and this page sees it by asking
 * {@code check} every 1.5 s — it answers null while unpaid, or the paid text's extra (a receipt link).
 */
export function cashier(order, cashierUrl, check) {
  const status = h('p', { class: 'pay-status', role: 'status' }, t('pay.waiting'));
  const path = order.channel === 'ALIPAY' ? 'alipay' : 'wechat-pay';
  const phone = cashierUrl ? `${cashierUrl}/${path}/cashier?outTradeNo=${encodeURIComponent(order.outTradeNo)}&amountFen=${order.amountFen}` : null;
  // Until the order is paid or has expired, and only while this page shows it; a failed look is tried again.
  const poll = async () => {
    try {
      const paid = await check();
      if (paid) {
        status.replaceChildren(t('pay.paid', { amount: money(order.amountFen) }), ' ', paid);
        return;
      }
    } catch { /* the next look may succeed */ }
    if (status.isConnected && Date.now() < Date.parse(order.expiresAt)) setTimeout(poll, 1500);
  };
  setTimeout(poll, 1500);
  return h('div', { class: 'cashier' },
    h('p', {}, t('pay.scan', { channel: t(`channel.${order.channel}`), amount: money(order.amountFen), number: order.outTradeNo })),
    phone ? h('img', { src: `/portal/qr?text=${encodeURIComponent(phone)}`, alt: t('pay.qrAlt'), width: '200', height: '200' }) : null,
    phone ? h('p', {}, h('a', { href: phone, target: '_blank', rel: 'noopener', id: 'cashier-link' }, t('pay.openOnThisDevice'))) : h('p', {}, t('pay.noCashier')),
    h('p', { class: 'muted' }, t('pay.expires', { at: dateTime(order.expiresAt) })),
    status);
}
