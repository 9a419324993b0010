// Every string the portal shows comes from i18n/<lang>.json; zh-CN unless the person switched.
const SUPPORTED = ['zh-CN', 'en'];
let messages = {};
let lang = 'zh-CN';

export async function loadMessages() {
  const chosen = localStorage.getItem('commonhold.lang');
  lang = SUPPORTED.includes(chosen) ? chosen : 'zh-CN';
  const response = await fetch(`/portal/i18n/${lang}.json`, { credentials: 'same-origin' });
  messages = await response.json();
  document.documentElement.lang = lang;
  return lang;
}

export function currentLang() {
  return lang;
}

export function switchLang() {
  localStorage.setItem('commonhold.lang', lang === 'zh-CN' ? 'en' : 'zh-CN');
  location.reload();
}

/** The message for key, with {name} placeholders filled; the key itself if it is missing (a test catches that). */
export function t(key, params = {}) {
  const text = messages[key];
  if (text === undefined) {
    console.warn('missing message', key);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`));
}
