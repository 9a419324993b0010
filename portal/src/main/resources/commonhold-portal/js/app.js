import { api, ApiError } from './api.js';
import { loadMessages, switchLang, t } from './i18n.js';
import { h, errorBox } from './ui.js';
import { setZone } from './format.js';
import * as resident from './pages/resident.js';
import * as committee from './pages/committee.js';
import * as operator from './pages/operator.js';
import * as regulator from './pages/regulator.js';
import * as tenant from './pages/tenant.js';
import * as services from './pages/services.js';
import * as merchant from './pages/merchant.js';

// Each role's work on its own page (#/resident, #/services, #/committee, #/operator, #/regulator, #/tenant, #/merchant); a person
// with several roles sees a tab for each. What a role may see is decided by the services, per token.
const PAGES = [
  { id: 'resident', roles: ['resident', 'committee'], module: resident },
  { id: 'committee', roles: ['committee'], module: committee },
  { id: 'operator', roles: ['operator-staff', 'operator-admin'], module: operator },
  { id: 'regulator', roles: ['regulator'], module: regulator },
  { id: 'services', roles: ['resident'], module: services },
  { id: 'tenant', roles: ['tenant'], module: tenant },
  { id: 'merchant', roles: ['merchant'], module: merchant },
];

async function start() {
  await loadMessages();
  document.title = t('app.title');
  document.getElementById('brand').textContent = t('app.title');
  document.getElementById('skip-link').textContent = t('app.skip');
  const langButton = document.getElementById('lang');
  langButton.textContent = t('app.otherLanguage');
  langButton.addEventListener('click', switchLang);
  let session;
  try {
    session = await api.get('/portal/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signInPage();
    return show(errorBox(error));
  }
  api.useCsrfToken(session.csrfToken);
  document.getElementById('who').textContent = session.name;
  const signout = document.getElementById('signout');
  signout.hidden = false;
  document.getElementById('signout-button').textContent = t('app.signOut');
  signout.addEventListener('submit', () => { document.getElementById('signout-csrf').value = api.csrfToken(); });
  const pages = PAGES.filter(p => p.roles.some(r => session.roles.includes(r)));
  if (!pages.length) return show(h('section', { class: 'card' }, h('h1', {}, t('app.nothingYet')), h('p', {}, t('app.nothingYetHelp'))));
  const nav = document.getElementById('nav');
  nav.replaceChildren(h('ul', {}, pages.map(p => h('li', {}, h('a', { href: `#/${p.id}`, dataset: { page: p.id } }, t(`nav.${p.id}`))))));
  // Only #/<page> is a route; another fragment (the skip link's #main) is a place on this page.
  const route = () => (location.hash === '' || location.hash.startsWith('#/') ? render(pages, session) : undefined);
  window.addEventListener('hashchange', route);
  render(pages, session);
}

async function render(pages, session) {
  const wanted = location.hash.replace(/^#\//, '').split('/')[0];
  const page = pages.find(p => p.id === wanted) || pages[0];
  document.querySelectorAll('#nav a').forEach(a => a.toggleAttribute('aria-current', a.dataset.page === page.id));
  const main = document.getElementById('main');
  main.replaceChildren(h('p', { 'aria-live': 'polite' }, t('common.loading')));
  try {
    const communities = (await api.get('/api/community/communities?limit=100')).items;
    setZone(communities[0]?.timeZone);
    // A page leaves out what the person may not do as null: nothing of it may reach the page (replaceChildren would write "null").
    main.replaceChildren(h('h1', {}, t(`page.${page.id}`)), ...(await page.module.render({ session, communities })).filter(Boolean));
  } catch (error) {
    main.replaceChildren(errorBox(error));
  }
}

function signInPage() {
  show(h('section', { class: 'card welcome' },
    h('h1', {}, t('app.welcome')),
    h('p', {}, t('app.welcomeText')),
    h('a', { class: 'button', href: '/oauth2/authorization/portal', id: 'signin' }, t('app.signIn')),
    new URLSearchParams(location.search).get('signin') === 'failed' ? h('p', { class: 'alert', role: 'alert' }, t('app.signInFailed')) : null));
}

function show(...nodes) {
  document.getElementById('main').replaceChildren(...nodes);
}

start();
