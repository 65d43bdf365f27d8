// <xxgk-report-editor>: tables 二, 三 and 四 of a 政府信息公开工作年度报告 as a form, checked by
// the xxgk engine (WebAssembly) on every change (docs/web.md). A plain custom element: no
// framework; light DOM, so the page's own styles and tests reach every input.
//
//   <script type="module" src="…/xxgk/src/editor.js"></script>
//   <xxgk-report-editor name="report" src="report.json"></xxgk-report-editor>
//
// Attributes: format ("2019" | "2021": a new empty report when nothing is loaded), src (URL of a
// canonical JSON report to load), name (the form field: the element is form-associated and
// submits the canonical JSON), lang ("zh" default | "en": messages shown).
// Properties: value (canonical JSON text; set a string or an object to load), format, findings.
// Events: change (after every edit and every load; detail: { key, findings }); error (src could
// not be fetched or decoded; detail: the Error or XxgkError).
//
// The layout is the library's own rendering (Report.renderHtml, the national template): each
// value cell becomes an <input data-key="<cell key>"> labelled with the cell's official row and
// column labels. Tab follows the rows; the arrow keys move between cells (up and down to the
// nearest cell of the row above or below).
import { loadReport, newReport, keys, renderCss } from './index.js';

const STYLE_ID = 'xxgk-report-editor-style';
const EDITOR_CSS = `
xxgk-report-editor{display:block}
xxgk-report-editor .xxgk-table td.xxgk-value{padding:0}
xxgk-report-editor .xxgk-table td.xxgk-value input{box-sizing:border-box;width:100%;min-width:3.5em;border:0;
  padding:4px 4px;font:inherit;text-align:right;background:transparent}
xxgk-report-editor .xxgk-table td.xxgk-value input:focus{outline:2px solid #1565c0;outline-offset:-2px;background:#fff}
xxgk-report-editor .xxgk-editor-findings{margin:8px 0;padding:8px 12px;border-left:4px solid #c62828;background:#fdf6f5;
  font-size:13px;line-height:1.5}
xxgk-report-editor .xxgk-editor-findings.xxgk-clean{border-left-color:#2e7d32;background:#f1f8e9}
xxgk-report-editor .xxgk-editor-findings button{all:unset;cursor:pointer;text-decoration:underline dotted}
xxgk-report-editor .xxgk-editor-findings li.xxgk-severity-warning::marker{color:#ef6c00}
xxgk-report-editor .xxgk-editor-findings li.xxgk-severity-info::marker{color:#1565c0}
`;

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 };
const TEXT = {
  zh: { findings: (n) => `校验发现 ${n} 个问题`, clean: '校验通过：未发现问题', cell: '单元格' },
  en: { findings: (n) => `${n} finding(s)`, clean: 'No findings', cell: 'cell' },
};

function installStyle(doc) {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = renderCss() + EDITOR_CSS;
  doc.head.append(style);
}

export class XxgkReportEditor extends HTMLElement {
  static formAssociated = true;
  static get observedAttributes() { return ['format', 'src', 'lang']; }

  #report = null;
  #findings = [];
  #inputs = new Map(); // cell key → input
  #list = null;
  #internals = null;
  #loadedSrc = null;

  constructor() {
    super();
    if (typeof this.attachInternals === 'function') this.#internals = this.attachInternals();
  }

  connectedCallback() {
    installStyle(this.ownerDocument);
    if (this.getAttribute('src')) this.#fetchSrc();
    else if (!this.#report) this.#show(newReport(Number(this.getAttribute('format') ?? 2021)));
  }

  disconnectedCallback() {
    // The report stays (the element may be moved); it is released when replaced or collected.
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.isConnected || oldValue === newValue) return;
    if (name === 'src' && newValue) this.#fetchSrc();
    else if (name === 'format' && newValue && this.#report && Number(newValue) !== this.#report.format &&
             !this.getAttribute('src')) this.#show(newReport(Number(newValue)));
    else if (name === 'lang') this.#validate();
  }

  /** The report as canonical JSON text (byte for byte the C++ encoder's). */
  get value() { return this.#report ? this.#report.toJson() : ''; }
  set value(json) { this.#show(loadReport(json)); }

  /** The format of the report shown (2019 or 2021). */
  get format() { return this.#report?.format; }

  /** The findings of the last validation (see Report.validate). */
  get findings() { return this.#findings; }

  get #lang() { return this.getAttribute('lang') === 'en' ? 'en' : 'zh'; }

  async #fetchSrc() {
    const src = this.getAttribute('src');
    if (src === this.#loadedSrc) return;
    this.#loadedSrc = src;
    try {
      const response = await fetch(new URL(src, this.ownerDocument.baseURI));
      if (!response.ok) throw new Error(`cannot load ${src}: HTTP ${response.status}`);
      this.#show(loadReport(await response.text()));
    } catch (error) {
      // A report that cannot be fetched or decoded (XxgkError: every problem with its JSON Pointer).
      this.dispatchEvent(new CustomEvent('error', { detail: error }));
    }
  }

  // Lays the report out (the library's HTML, its tables only) with an input in every value cell.
  #show(report) {
    this.#report?.dispose();
    this.#report = report;
    const labels = new Map(keys(report.format).map((k) => [k.key, k.label_path]));
    const page = this.ownerDocument.createElement('div');
    page.innerHTML = report.renderHtml({ what: 'fragment' });
    const article = page.querySelector('article');
    const root = this.ownerDocument.createElement('article');
    root.className = article.className;
    root.lang = 'zh-CN';
    for (const section of article.querySelectorAll('section.xxgk-table-section')) root.append(section);
    this.#inputs.clear();
    for (const td of root.querySelectorAll('td.xxgk-value[data-key]')) {
      const key = td.dataset.key;
      const input = this.ownerDocument.createElement('input');
      input.type = 'text';
      input.inputMode = 'decimal';
      input.autocomplete = 'off';
      input.dataset.key = key;
      input.value = td.textContent;
      input.setAttribute('aria-label', labels.get(key));
      td.removeAttribute('title');
      td.removeAttribute('data-findings');
      td.textContent = '';
      td.append(input);
      this.#inputs.set(key, input);
    }
    this.#list = this.ownerDocument.createElement('section');
    this.#list.className = 'xxgk-editor-findings';
    this.#list.setAttribute('aria-live', 'polite');
    this.replaceChildren(root, this.#list);
    this.addEventListener('input', this.#onInput);
    this.addEventListener('change', this.#onNativeChange, true);
    this.addEventListener('keydown', this.#onKeyDown);
    this.#validate();
    this.#emit(null);
  }

  #onInput = (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.key || !this.#report) return;
    this.#report.setText(input.dataset.key, input.value);
    this.#validate();
    this.#emit(input.dataset.key);
  };

  // The inputs' own change events stay inside: the element's change event is the report's.
  #onNativeChange = (event) => {
    if (event.target !== this) event.stopPropagation();
  };

  #emit(key) {
    this.#internals?.setFormValue(this.value);
    this.dispatchEvent(new CustomEvent('change', { bubbles: true, detail: { key, findings: this.#findings } }));
  }

  #validate() {
    if (!this.#report) return;
    const lang = this.#lang;
    const message = (f) => (lang === 'en' ? f.message_en : f.message_zh);
    this.#findings = this.#report.validate();
    const byKey = new Map();
    for (const f of this.#findings) {
      if (!f.key || !this.#inputs.has(f.key)) continue;
      if (!byKey.has(f.key)) byKey.set(f.key, []);
      byKey.get(f.key).push(f);
    }
    for (const [key, input] of this.#inputs) {
      const td = input.parentElement;
      const found = byKey.get(key);
      td.classList.remove('xxgk-finding', 'xxgk-severity-error', 'xxgk-severity-warning', 'xxgk-severity-info');
      if (found) {
        const worst = found.reduce((w, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w), 'info');
        td.classList.add('xxgk-finding', `xxgk-severity-${worst}`);
        td.dataset.findings = found.map((f) => f.code).join(' ');
        input.title = found.map(message).join('\n');
        input.setAttribute('aria-invalid', worst === 'error' ? 'true' : 'false');
        input.setAttribute('aria-description', input.title);
      } else {
        delete td.dataset.findings;
        input.removeAttribute('title');
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-description');
      }
    }
    this.#renderList(message);
  }

  #renderList(message) {
    const doc = this.ownerDocument;
    const text = TEXT[this.#lang];
    const list = this.#list;
    const shown = this.#findings;
    list.classList.toggle('xxgk-clean', shown.length === 0);
    const heading = doc.createElement('h3');
    heading.textContent = shown.length ? text.findings(shown.length) : text.clean;
    const ol = doc.createElement('ol');
    for (const f of shown) {
      const li = doc.createElement('li');
      li.className = `xxgk-severity-${f.severity}`;
      li.dataset.code = f.code;
      if (f.key) li.dataset.key = f.key;
      const code = doc.createElement('code');
      code.textContent = f.code;
      li.append(code, ' ');
      const input = f.key && this.#inputs.get(f.key);
      if (input) {
        const go = doc.createElement('button');
        go.type = 'button';
        go.textContent = message(f);
        go.addEventListener('click', () => input.focus());
        li.append(go);
      } else {
        li.append(message(f));
      }
      ol.append(li);
    }
    list.replaceChildren(heading, ol);
  }

  // Arrow keys between cells: left/right to the previous/next cell in reading order (when the
  // caret is at the edge of the text), up/down to the cell of the row above/below nearest in x.
  #onKeyDown = (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.key) return;
    const all = [...this.#inputs.values()];
    const at = all.indexOf(input);
    let next = null;
    const caretAtStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const caretAtEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    if (event.key === 'ArrowLeft' && caretAtStart) next = all[at - 1];
    else if (event.key === 'ArrowRight' && caretAtEnd) next = all[at + 1];
    else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') next = this.#vertical(input, event.key === 'ArrowDown');
    if (!next) return;
    event.preventDefault();
    next.focus();
    next.select();
  };

  #vertical(input, down) {
    const row = input.closest('tr');
    const rows = [...row.closest('table').querySelectorAll('tr')];
    const x = centerX(input);
    for (let i = rows.indexOf(row) + (down ? 1 : -1); i >= 0 && i < rows.length; i += down ? 1 : -1) {
      const candidates = [...rows[i].querySelectorAll('input[data-key]')];
      if (!candidates.length) continue;
      return candidates.reduce((best, c) => (Math.abs(centerX(c) - x) < Math.abs(centerX(best) - x) ? c : best));
    }
    return null;
  }
}

function centerX(element) {
  const r = element.getBoundingClientRect();
  return r.left + r.width / 2;
}

if (!customElements.get('xxgk-report-editor')) customElements.define('xxgk-report-editor', XxgkReportEditor);
