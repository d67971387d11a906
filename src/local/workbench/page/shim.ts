// The google.script.run / google.script.host shim injected into every sidebar and dialog iframe. It runs inside the
// sandboxed (opaque-origin) frame and talks to the workbench page only through postMessage.

/** Source of the script the frame runs before the add-on's own HTML. */
export const SHIM_SOURCE = `(function () {
  var seq = 0, pending = {};
  function bad(v, path) {
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return null;
    if (typeof v === 'function') return path + ' is a function';
    if (v instanceof Date) return path + ' is a Date';
    if (typeof Node !== 'undefined' && v instanceof Node) return path + ' is a DOM node';
    if (Array.isArray(v)) { for (var i = 0; i < v.length; i++) { var b = bad(v[i], path + '[' + i + ']'); if (b) return b; } return null; }
    if (typeof v === 'object') { for (var k in v) { if (Object.prototype.hasOwnProperty.call(v, k)) { var c = bad(v[k], path + '.' + k); if (c) return c; } } return null; }
    return path + ' has type ' + typeof v;
  }
  function fail(f, u, msg) {
    var e = new Error(msg);
    setTimeout(function () { if (f) f(e, u); else console.error(e); }, 0);
  }
  function runner(s, f, u) {
    return new Proxy({}, {
      get: function (_t, name) {
        if (name === 'withSuccessHandler') return function (h) { return runner(h, f, u); };
        if (name === 'withFailureHandler') return function (h) { return runner(s, h, u); };
        if (name === 'withUserObject') return function (o) { return runner(s, f, o); };
        if (typeof name !== 'string' || name === 'then' || name === 'toJSON') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var problem = bad(args, 'arguments');
          if (problem) return fail(f, u, 'Invalid argument: ' + problem);
          var id = ++seq;
          pending[id] = { s: s, f: f, u: u };
          window.parent.postMessage({ __dd: 'run', id: id, fn: name, args: JSON.parse(JSON.stringify(args)) }, '*');
        };
      }
    });
  }
  window.addEventListener('message', function (ev) {
    if (ev.source !== window.parent) return;
    var m = ev.data;
    if (!m || m.__dd !== 'result') return;
    var p = pending[m.id];
    delete pending[m.id];
    if (!p) return;
    if (m.ok) { if (p.s) p.s(m.value, p.u); }
    else {
      var e = new Error(m.message);
      e.name = m.name || 'ScriptError';
      if (p.f) p.f(e, p.u); else console.error(e);
    }
  });
  // Web storage: the add-on's frames live on one origin in Apps Script, so localStorage works there. A sandboxed
  // srcdoc frame has no storage of its own; this one starts from the page's copy and sends every change back to it.
  function makeStorage(initial, persist) {
    var data = {};
    for (var k in initial) if (Object.prototype.hasOwnProperty.call(initial, k)) data[k] = String(initial[k]);
    var api = {
      getItem: function (k) { k = String(k); return Object.prototype.hasOwnProperty.call(data, k) ? data[k] : null; },
      setItem: function (k, v) { data[String(k)] = String(v); if (persist) window.parent.postMessage({ __dd: 'storage', op: 'set', key: String(k), value: String(v) }, '*'); },
      removeItem: function (k) { delete data[String(k)]; if (persist) window.parent.postMessage({ __dd: 'storage', op: 'remove', key: String(k) }, '*'); },
      clear: function () { data = {}; if (persist) window.parent.postMessage({ __dd: 'storage', op: 'clear' }, '*'); },
      key: function (i) { return Object.keys(data)[i] || null; }
    };
    Object.defineProperty(api, 'length', { get: function () { return Object.keys(data).length; } });
    return api;
  }
  try { Object.defineProperty(window, 'localStorage', { value: makeStorage(__DD_STORAGE__, true), configurable: true }); } catch (e) {}
  try { Object.defineProperty(window, 'sessionStorage', { value: makeStorage({}, false), configurable: true }); } catch (e) {}
  // Links to Google Drive or Docs (a file DataDesk wrote, its folder) cannot open offline: the workbench opens its
  // local copy instead (a spreadsheet in the workbench, another file's preview, the folder in the Drive panel).
  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('a[href]') : null;
    var href = a ? a.getAttribute('href') || '' : '';
    if (href.indexOf('https://drive.google.com/') !== 0 && href.indexOf('https://docs.google.com/') !== 0) return;
    ev.preventDefault();
    window.parent.postMessage({ __dd: 'open', url: href }, '*');
  }, true);
  function host(op, value) { window.parent.postMessage({ __dd: 'host', op: op, value: value }, '*'); }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: 'https://docs.google.com',
      close: function () { host('close'); },
      setHeight: function (h) { host('setHeight', Number(h)); },
      setWidth: function (w) { host('setWidth', Number(w)); },
      editor: { focus: function () { host('focus'); } }
    },
    url: { getLocation: function (cb) { cb({ hash: '', parameter: {}, parameters: {} }); } }
  };
})();`;

/** The add-on's HTML with the shim placed first in its head (or first of all when it has none). */
export function withShim(html: string, storage: Record<string, string> = {}): string {
  const data = JSON.stringify(storage).replace(/</g, '\\u003c');
  const tag = `<script>${SHIM_SOURCE.replace('__DD_STORAGE__', () => data)}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const root = /<html[^>]*>/i.exec(html);
  if (root) return html.slice(0, root.index + root[0].length) + `<head>${tag}</head>` + html.slice(root.index + root[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + tag + html.slice(doctype[0].length);
  return tag + html;
}
