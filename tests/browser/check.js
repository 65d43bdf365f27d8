// Injected into a test copy of a rendered page (tests/browser/browser_check.py). Runs after the
// page has loaded and its timers have had time to fire, reads the tables as the browser laid them
// out, looks for traces of executed payloads, and writes everything as JSON into a pre element
// with the id xxgk-check-result, which the test reads back from `chromium --dump-dom`.
(function () {
  'use strict';

  // The browser's own grid: every cell at its row and column, rowspan and colspan applied.
  function layOut(table) {
    var cells = [], problems = [], width = 0, row = 0;
    var parts = Array.prototype.filter.call(table.children, function (p) {
      return p.tagName === 'THEAD' || p.tagName === 'TBODY';
    });
    parts.forEach(function (part) {
      var trs = Array.prototype.filter.call(part.children, function (e) { return e.tagName === 'TR'; });
      var taken = trs.map(function () { return []; });
      trs.forEach(function (tr, r) {
        var col = 0;
        Array.prototype.forEach.call(tr.cells, function (c) {
          while (taken[r][col]) col++;
          var rs = c.rowSpan, cs = c.colSpan;
          if (r + rs > trs.length) problems.push('rowspan beyond its part at row ' + (row + r));
          for (var rr = r; rr < Math.min(trs.length, r + rs); rr++)
            for (var cc = col; cc < col + cs; cc++) {
              if (taken[rr][cc]) problems.push('overlap at row ' + (row + rr) + ', column ' + cc);
              taken[rr][cc] = true;
            }
          cells.push({el: c, part: part, row: row + r, col: col, rows: rs, cols: cs});
          col += cs;
        });
      });
      taken.forEach(function (line, r) {
        var w = line.filter(Boolean).length;
        if (!width) width = w;
        if (w !== width || line.length !== w) problems.push('row ' + (row + r) + ' has ' + w + ' columns, not ' + width);
      });
      row += trs.length;
    });
    return {cells: cells, width: width, problems: problems, hasHead: parts.some(function (p) { return p.tagName === 'THEAD'; })};
  }

  // The header texts naming a value cell: th above it in its column (in the thead, or in its own
  // tbody when there is no thead) and th to its left spanning its row.
  function namesOf(grid, v) {
    var names = [];
    grid.cells.forEach(function (h) {
      if (h.el.tagName !== 'TH') return;
      var above = h.row < v.row && h.col <= v.col && v.col < h.col + h.cols &&
          (grid.hasHead ? h.part.tagName === 'THEAD' : h.part === v.part);
      var left = h.col < v.col && h.row <= v.row && v.row < h.row + h.rows && h.part === v.part;
      if (above || left) names.push(h.el.textContent);
    });
    return names;
  }

  function check() {
    var result = {tables: [], security: {}, height: 0};
    Array.prototype.forEach.call(document.querySelectorAll('table.xxgk-table'), function (table) {
      var grid = layOut(table);
      var t = {section: table.getAttribute('data-section'), width: grid.width, problems: grid.problems,
               headers: [], values: [], bodyRows: [], visible: table.getBoundingClientRect().height > 0};
      grid.cells.forEach(function (c) {
        if (c.el.tagName === 'TH') {
          t.headers.push({text: c.el.textContent, row: c.row, col: c.col, rowspan: c.rows, colspan: c.cols,
                          head: c.part.tagName === 'THEAD'});
        } else {
          t.values.push({key: c.el.getAttribute('data-key'), text: c.el.textContent, className: c.el.className,
                         row: c.row, col: c.col, colspan: c.cols, names: namesOf(grid, c)});
        }
      });
      Array.prototype.forEach.call(table.tBodies, function (b) {
        Array.prototype.forEach.call(b.rows, function (tr) { t.bodyRows.push(tr.getAttribute('data-row')); });
      });
      result.tables.push(t);
    });

    // Traces a payload would leave had it run, and markup it would have needed.
    var s = result.security;
    s.marker = document.documentElement.getAttribute('data-xss');
    s.windowMarker = typeof window.__xss === 'undefined' ? null : String(window.__xss);
    s.title = document.title;
    s.scripts = document.querySelectorAll('script').length;  // this checker only
    s.forbiddenElements = document.querySelectorAll('a, img, svg, iframe, object, embed, base, form, input, ' +
                                                    'link, video, audio, math, meta[http-equiv="refresh"]').length;
    var handlers = 0, urls = 0;
    Array.prototype.forEach.call(document.querySelectorAll('*'), function (e) {
      Array.prototype.forEach.call(e.attributes, function (a) {
        if (/^on/i.test(a.name)) handlers++;
        if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name)) urls++;
      });
    });
    s.eventHandlerAttributes = handlers;
    s.urlAttributes = urls;
    var text = document.querySelector('article.xxgk-report').textContent;
    s.payloadTextShown = text.indexOf('<script>window.__xss') >= 0 && text.indexOf('onerror=') >= 0 &&
                         text.indexOf('javascript:') >= 0;
    // Clicking every element would follow any link a payload had managed to create.
    Array.prototype.forEach.call(document.querySelectorAll('article *'), function (e) {
      if (typeof e.click === 'function') e.click();
    });
    s.markerAfterClicks = document.documentElement.getAttribute('data-xss');
    result.height = Math.ceil(document.documentElement.scrollHeight);

    var pre = document.createElement('pre');
    pre.id = 'xxgk-check-result';
    pre.textContent = JSON.stringify(result);
    document.body.appendChild(pre);
  }

  window.addEventListener('load', function () { setTimeout(check, 200); });
})();
