import { api } from '../api.js';
import { t } from '../i18n.js';
import { money, dateTime, monthOf } from '../format.js';
import { h, section, table, button, downloadCsv } from '../ui.js';
import { chart } from '../charts.js';
import { claimsTable } from './operator.js';
import { districtFranchises } from './franchise.js';

// A district's officer: every community in their jurisdiction — maintenance-fund balances and
// low-balance units, arrears, and whether each closed and published its month on time — with
// charts and a CSV export; the district's franchises with their findings. Read only; no household is ever named.
export async function render({ communities, session }) {
  const prefixes = session.jurisdiction;
  const [regions, rows] = await Promise.all([
    Promise.all(prefixes.map(p => api.get(`/api/fund/regions/${p}/summary`))),
    Promise.all(communities.map(c => communityRow(c))),
  ]);
  const fundByCommunity = new Map(regions.flatMap(r => r.byCommunity).map(f => [f.communityId, f]));
  rows.forEach(r => Object.assign(r, { fund: fundByCommunity.get(r.id) }));
  const header = ['region.community', 'region.division', 'region.fundBalance', 'region.subAccounts', 'region.belowTopUp', 'region.arrears', 'region.lastMonth', 'region.disclosure'];
  const cells = r => [r.name, r.divisionCode, money(r.fund?.balanceFen), String(r.fund?.subAccounts ?? '—'), String(r.fund?.belowTopUpLine ?? '—'),
    money(r.arrears?.totalFen), r.lastMonth || '—', t(`disclosure.${r.disclosure}`)];
  const exportCsv = () => downloadCsv(`district-${prefixes.join('-')}-${new Date().toISOString().slice(0, 10)}.csv`,
    header.map(k => t(k)).concat([t('region.fundBalanceFen'), t('region.arrearsFen')]),
    rows.map(r => [...cells(r).map(c => String(c)), r.fund?.balanceFen ?? '', r.arrears?.totalFen ?? '']));
  return [
    h('p', { class: 'lead' }, t('region.jurisdiction', { prefixes: prefixes.join('、') })),
    section('region.overview',
      h('div', { class: 'actions' }, button('region.export', exportCsv, { id: 'export-csv', class: 'primary' })),
      table('region.overview', header, rows.map(cells))),
    section('region.fundTitle',
      chart('region.fundChart', {
        tooltip: { trigger: 'axis' }, legend: { top: 0 },
        xAxis: { type: 'category', data: rows.map(r => r.name) },
        yAxis: [{ type: 'value', name: t('dashboard.yuan') }, { type: 'value', name: t('region.units'), minInterval: 1 }],
        series: [
          { name: t('region.fundBalance'), type: 'bar', data: rows.map(r => (r.fund?.balanceFen || 0) / 100) },
          { name: t('region.belowTopUp'), type: 'bar', yAxisIndex: 1, data: rows.map(r => r.fund?.belowTopUpLine || 0) }],
      }, table('region.fundChart', ['region.community', 'region.fundBalance', 'region.belowTopUp'],
        rows.map(r => [r.name, money(r.fund?.balanceFen), String(r.fund?.belowTopUpLine ?? '—')])))),
    section('region.disclosureTitle', h('p', {}, t('region.disclosureRule')),
      table('region.disclosureTitle', ['region.community', 'region.month', 'region.closedAt', 'region.disclosure'],
        rows.flatMap(r => r.heads.map(m => [r.name, m.period, dateTime(m.closedAt), t(`disclosure.${punctuality(m.period, m.closedAt, r.timeZone)}`)])))),
    await subsidyClaims(communities),
    await districtFranchises(prefixes),
  ];
}

async function communityRow(c) {
  const [heads, arrears] = await Promise.all([
    api.get(`/api/trust/communities/${c.id}/months`).catch(() => []),
    api.get(`/api/billing/communities/${c.id}/arrears`).catch(() => null),
  ]);
  const last = heads.at(-1);
  const previousMonth = monthOf(new Date(Date.now() - new Date().getUTCDate() * 86_400_000)); // the day before this month began
  let disclosure = last ? punctuality(last.period, last.closedAt, c.timeZone) : 'NONE';
  if (!last || last.period < previousMonth) disclosure = overdue(previousMonth, c.timeZone) ? 'MISSING' : disclosure;
  return { id: c.id, name: c.name, divisionCode: c.divisionCode, timeZone: c.timeZone, heads, arrears, lastMonth: last?.period, disclosure };
}

/** Rule T4 as practised in trust-style communities: a month's statement is published by the 15th of the next month. */
export function deadline(period) {
  const [y, m] = period.split('-').map(Number);
  const next = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${next[0]}-${String(next[1]).padStart(2, '0')}-15`;
}

function localDay(instant, zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(instant));
}

function punctuality(period, closedAt, zone) {
  return localDay(closedAt, zone) <= deadline(period) ? 'ON_TIME' : 'LATE';
}

function overdue(period, zone) {
  return localDay(new Date(), zone) > deadline(period);
}

/** As the street office: the elderly-subsidy claims of each community, each order's evidence as CSV. */
async function subsidyClaims(communities) {
  const parts = [];
  for (const c of communities) {
    const base = `/api/commerce/communities/${c.id}`;
    const claims = await api.get(`${base}/subsidy-claims`).catch(() => null);
    if (claims) parts.push(h('h3', {}, c.name), claimsTable(base, claims));
  }
  return parts.length ? section('region.subsidyClaims', h('p', {}, t('region.subsidyClaimsHelp')), ...parts) : null;
}
