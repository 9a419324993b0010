import { t } from './i18n.js';
import { area } from './format.js';
import { h } from './ui.js';

/** How many owners (and how much area) have voted so far, and the tally once the vote is decided (rules V1–V3). */
export function participation(r) {
  const p = r.participation;
  const tally = r.tally;
  return h('div', { class: 'participation-figures' },
    p ? h('p', {}, t('votes.participation', {
      voted: p.participating.owners, eligible: p.electorate.owners,
      area: area(p.participating.areaM2), total: area(p.electorate.areaM2) })) : null,
    tally ? h('p', { class: 'tally' }, t('votes.tally', {
      approve: tally.approving.owners, reject: tally.rejecting.owners, abstain: tally.abstaining.owners,
      outcome: t(`outcome.${tally.outcome}`) })) : null);
}
