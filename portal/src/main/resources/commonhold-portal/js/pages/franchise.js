import { api } from '../api.js';
import { t } from '../i18n.js';
import { money, date } from '../format.js';
import { h, section, table } from '../ui.js';

// Franchise oversight (特许经营) in the portal: the regulator's compliance view of the district and the
// owners' view of what the franchise in their community owes them. Figures are the ledger's, not the operator's.

/** This year in Beijing: the franchise year is a calendar year there. */
function thisYear() {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}

/** A finding in the reader's words: its kind, and for an overcharge what was charged against what the cap allowed. */
function findingText(f) {
  const e = f.evidence || {};
  if (f.code === 'overcharge') return t('franchise.overchargeDetail', { charged: money(e.amountFen), most: money(e.mostFen) });
  return f.summary;
}

/** The regulator's district: every agreement this year with revenue, share owed and paid, return, and each finding with its clause. */
export async function districtFranchises(prefixes) {
  const year = thisYear();
  const reviews = (await Promise.all(prefixes.map(p => api.get(`/api/franchise/districts/${p}/years/${year}`).catch(() => [])))).flat();
  if (!reviews.length) return section('region.franchiseTitle', h('p', { class: 'muted' }, t('franchise.none')));
  const rows = reviews.map(r => {
    const y = r.review;
    const critical = y.findings.filter(f => f.severity === 'CRITICAL').length;
    return [r.title, money(y.grossFen), money(y.obligationFen), money(y.paidFen), money(y.outstandingFen),
      y.returnToDate == null ? '—' : `${(100 * y.returnToDate).toFixed(2)}%`, String(critical),
      h('a', { href: `/api/franchise/agreements/${r.agreementId}/years/${year}/ocds`, download: `ocds-${r.agreementId}-${year}.json` }, t('franchise.ocds'))];
  });
  const findings = reviews.flatMap(r => r.review.findings.map(f => [r.title, t(`franchise.severity.${f.severity}`), t(`franchise.finding.${f.code}`),
    findingText(f), f.clause]));
  return section('region.franchiseTitle',
    h('p', {}, t('franchise.districtHelp', { year })),
    table('franchise.agreements', ['franchise.agreement', 'franchise.revenue', 'franchise.owed', 'franchise.paid', 'franchise.outstanding',
      'franchise.return', 'franchise.critical', 'franchise.export'], rows),
    h('h3', {}, t('franchise.findings')),
    table('franchise.findings', ['franchise.agreement', 'franchise.severity', 'franchise.kind', 'franchise.detail', 'franchise.clause'], findings,
      { empty: 'franchise.noFindings' }),
    h('p', {}, prefixes.map(p => h('a', { href: `/api/franchise/districts/${p}/years/${year}/report.csv`, download: `franchise-${p}-${year}.csv` },
      t('franchise.csv')))));
}

/** The owners' view: the franchise covering their community, its approved caps and what it owes them this year. */
export async function communityFranchise(community) {
  const agreements = await api.get(`/api/franchise/agreements?communityId=${community.id}`).catch(() => []);
  if (!agreements.length) return null;
  const year = thisYear();
  const parts = [];
  for (const a of agreements) {
    const share = await api.get(`/api/franchise/agreements/${a.id}/years/${year}/communities/${community.id}/share`).catch(() => null);
    const terms = a.terms;
    parts.push(h('h3', {}, terms.title),
      h('p', {}, t('franchise.termsLine', { operator: terms.operatorName, from: date(terms.term.startsOn), to: date(terms.term.endsOn),
        rate: (terms.revenueShare.rateBasisPoints / 100).toString(), minimum: money(terms.revenueShare.minimumFenPerYear) })),
      table('franchise.caps', ['franchise.capClass', 'franchise.capUnit', 'franchise.cap', 'franchise.capReference'],
        terms.tariffCaps.map(c => [t(`franchise.class.${c.revenueClass}`), t(`franchise.unit.${c.unit}`), money(c.capFen), c.reference])),
      share ? h('div', { class: 'figures' },
        figure(t('franchise.ownRevenue', { year }), money(share.revenueFen)),
        figure(t('franchise.owedToUs'), money(share.owedFen)),
        figure(t('franchise.paidToUs'), money(share.paidFen))) : null);
  }
  return section('franchise.title', h('p', {}, t('franchise.ownersHelp')), ...parts);
}

function figure(label, value) {
  return h('div', { class: 'figure' }, h('p', { class: 'figure-label' }, label), h('p', { class: 'figure-value' }, value));
}
