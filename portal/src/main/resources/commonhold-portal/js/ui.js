import { t } from './i18n.js';

/** h('p', {class: 'x', onclick: fn}, child, 'text', …): an element, text always set as text (never parsed as HTML). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.substring(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function section(titleKey, ...content) {
  const id = `s-${titleKey.replace(/\W/g, '-')}`;
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, t(titleKey)), ...content);
}

/** A table with a caption (read by screen readers) and header cells; rows are arrays of cells. */
export function table(captionKey, headerKeys, rows, { empty = 'common.none' } = {}) {
  if (!rows.length) return h('p', { class: 'muted' }, t(empty));
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t(captionKey) },
    h('table', {},
      h('caption', { class: 'visually-hidden' }, t(captionKey)),
      h('thead', {}, h('tr', {}, headerKeys.map(k => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows.map(cells => h('tr', {}, cells.map(c => h('td', {}, c)))))));
}

/** A labelled form field; its error line (aria-live) is where a problem naming this field is shown. */
export function field(name, labelKey, input) {
  const id = input.id || `f-${name}-${Math.random().toString(36).slice(2, 7)}`;
  input.id = id;
  input.name = name;
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  input.setAttribute('aria-describedby', error.id);
  return h('div', { class: 'field', dataset: { field: name } }, h('label', { for: id }, t(labelKey)), input, error);
}

/**
 * Shows an API problem in plain words: each field it names next to that field, the rest at the top
 * of the form. Returns nothing; clears earlier messages first.
 */
export function showProblem(form, error) {
  form.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  const general = form.querySelector('.form-error');
  let unplaced = [];
  const fieldErrors = error.fieldErrors ? error.fieldErrors() : [];
  for (const { field: name, message } of fieldErrors) {
    const holder = form.querySelector(`[data-field="${CSS.escape(name.split('.')[0].split('[')[0])}"]`);
    if (holder) {
      holder.querySelector('.field-error').textContent = message;
      holder.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(`${name}: ${message}`);
    }
  }
  if (!fieldErrors.length) unplaced = [plainWords(error)];
  if (general) general.textContent = unplaced.join(' ');
}

/** What went wrong and what to do, from a problem's title and detail. */
export function plainWords(error) {
  if (error.status === 401) return t('error.signedOut');
  if (error.status === 403 && error.problem?.type?.endsWith('/csrf-token-missing')) return t('error.reload');
  if (error.status === 403) return t('error.forbidden');
  if (error.status >= 500) return t('error.server');
  const p = error.problem || {};
  return [p.title, p.detail].filter(Boolean).join(': ') || error.message;
}

export function errorBox(error) {
  return h('p', { class: 'alert', role: 'alert' }, plainWords(error));
}

export function button(labelKey, onclick, attrs = {}) {
  return h('button', { type: 'button', onclick, ...attrs }, t(labelKey));
}

/** Runs a change, disabling the button meanwhile and showing a problem in the form. */
export async function submitting(form, action) {
  const buttons = form.querySelectorAll('button');
  buttons.forEach(b => { b.disabled = true; });
  try {
    await action();
    form.querySelectorAll('.field-error, .form-error').forEach(e => { e.textContent = ''; });
  } catch (error) {
    showProblem(form, error);
  } finally {
    buttons.forEach(b => { b.disabled = false; });
  }
}

/** Turns rows into a CSV file (UTF-8 with BOM so Excel reads Chinese) and downloads it. */
export function downloadCsv(filename, header, rows) {
  const quote = v => {
    const s = v === null || v === undefined ? '' : String(v);
    // A cell a spreadsheet would run as a formula is written as text (OWASP CSV injection).
    const safe = /^[=+@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const text = '\ufeff' + [header, ...rows].map(r => r.map(quote).join(',')).join('\r\n') + '\r\n';
  const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' })), download: filename });
  document.body.append(link);
  link.click();
  link.remove();
}
