// The seller's text modules per storefront: list, create, edit, delete, preview.
import {api, get, post} from './api.js';
import {h, fill, select, announce} from './dom.js';
import {t, STOREFRONTS} from './i18n.js';

const LOCALES = {de: 'de-DE', at: 'de-AT', cz: 'cs-CZ', sk: 'sk-SK', pl: 'pl-PL', fr: 'fr-FR', it: 'it-IT'};

export async function renderTextModules(main, session) {
  const [list, placeholders] = await Promise.all([get('/text-modules?limit=100'), get('/text-modules/placeholders')]);
  const marks = (placeholders.items || []);
  const problem = h('p', {class: 'problem', role: 'alert', id: 'tm-problem'});
  const editor = h('div', {id: 'tm-editor'});

  function edit(module) {
    const storefront = select({}, STOREFRONTS.map((s) => ({value: s, label: s.toUpperCase()})), module ? module.storefront : STOREFRONTS[0]);
    const name = h('input', {type: 'text', required: true, maxlength: 200, value: module ? module.name : ''});
    const body = h('textarea', {rows: 8, required: true}, module ? module.body : '');
    const previewTicket = h('input', {type: 'text', inputmode: 'numeric', placeholder: '001…', autocomplete: 'off'});
    const preview = h('pre', {class: 'preview', id: 'tm-preview', 'aria-live': 'polite'});
    const formProblem = h('p', {class: 'problem', role: 'alert', id: 'tm-form-problem'});
    const showPreview = async () => {
      formProblem.textContent = '';
      if (previewTicket.value.trim() && module) {
        try {
          const r = await get(`/text-modules/${module.id}/rendered?ticket=${encodeURIComponent(previewTicket.value.trim())}`);
          preview.textContent = r.text;
        } catch (e) {
          formProblem.textContent = e.message;
        }
        return;
      }
      let text = body.value;
      for (const p of marks) text = text.replaceAll(p.marker, `[${p.description}]`);
      preview.textContent = text;
    };
    const form = h('form', {class: 'card tm-form', id: 'tm-form', onsubmit: async (e) => {
      e.preventDefault();
      formProblem.textContent = '';
      const draft = {storefront: storefront.value, locale: LOCALES[storefront.value], name: name.value, body: body.value};
      try {
        if (module) await api('PUT', `/text-modules/${module.id}`, draft);
        else await post('/text-modules', draft);
        announce(t('tm.saved'));
        await renderTextModules(main, session);
        fill(document.getElementById('tm-problem'), t('tm.saved'));
      } catch (err) {
        formProblem.textContent = err.message;
      }
    }},
    h('h2', {}, module ? t('tm.edit') + ': ' + module.name : t('tm.new')),
    h('div', {class: 'field'}, h('label', {for: 'tm-storefront'}, t('tm.storefront')), Object.assign(storefront, {id: 'tm-storefront'})),
    h('div', {class: 'field'}, h('label', {for: 'tm-name'}, t('tm.name')), Object.assign(name, {id: 'tm-name'})),
    h('div', {class: 'field'}, h('label', {for: 'tm-body'}, t('tm.body')), Object.assign(body, {id: 'tm-body'})),
    h('p', {class: 'hint'}, t('tm.placeholders'), ': ', marks.map((p) => p.marker).join(' ')),
    h('div', {class: 'field'}, h('label', {for: 'tm-preview-ticket'}, t('tm.previewTicket')), Object.assign(previewTicket, {id: 'tm-preview-ticket'})),
    h('p', {class: 'hint'}, t('tm.previewHint')),
    h('div', {class: 'form-actions'},
      h('button', {type: 'submit', class: 'primary', id: 'tm-save'}, t('tm.save')),
      h('button', {type: 'button', id: 'tm-preview-button', onclick: showPreview}, t('tm.preview')), formProblem),
    preview);
    fill(editor, form);
    name.focus();
  }

  const rows = (list.items || []).map((m) => h('tr', {'data-module': m.id},
    h('td', {}, m.storefront.toUpperCase()), h('td', {}, m.locale), h('td', {}, m.name),
    h('td', {}, m.readOnly ? t('tm.readOnly') : t('tm.own')),
    h('td', {class: 'row-actions'}, m.readOnly ? null : [
      h('button', {type: 'button', class: 'link', onclick: () => edit(m)}, t('tm.edit')), ' ',
      h('button', {type: 'button', class: 'link', onclick: async () => {
        if (!window.confirm(t('tm.confirmDelete', {name: m.name}))) return;
        try {
          await api('DELETE', `/text-modules/${m.id}`);
          announce(t('tm.deleted'));
          await renderTextModules(main, session);
        } catch (e) {
          problem.textContent = e.message;
        }
      }}, t('tm.delete'))])));

  fill(main, h('section', {class: 'tm-view'},
    h('h1', {}, t('tm.title')),
    h('button', {type: 'button', id: 'tm-new', class: 'primary', onclick: () => edit(null)}, t('tm.new')),
    problem,
    rows.length === 0 ? h('p', {}, t('tm.empty')) :
      h('div', {class: 'table-wrap'}, h('table', {class: 'tm-list'},
        h('thead', {}, h('tr', {}, ['tm.storefront', 'tm.locale', 'tm.name', 'tm.source', 'col.actions'].map((k) => h('th', {scope: 'col'}, t(k))))),
        h('tbody', {}, rows))),
    editor));
}
