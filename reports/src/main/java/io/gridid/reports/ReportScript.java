package io.gridid.reports;

/**
 * The report's one inline script, a constant (no data goes into it, so nothing from the user's
 * files can run): pan and zoom of the feeder drawing (wheel or buttons, drag to pan; labels and
 * dots keep their screen size), labels re-placed after each zoom from their measured boxes so
 * that no two visible ones overlap, and click-to-sort table headers ({@code th[data-sort]}).
 * The page is complete without it.
 */
final class ReportScript {
    static final String JS = """
            (function () {
              'use strict';
              var GAP = 3; // px kept clear left and right of a placed name, as FeederDrawing.LABEL_GAP_PX
              function overlaps(a, b) {
                return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
              }
              function placeLabels(svg, k) {
                var frame = svg.getBoundingClientRect();
                var kept = [];
                var labels = svg.querySelectorAll('text.lbl');
                var i;
                for (i = 0; i < labels.length; i++) {
                  labels[i].setAttribute('x', (+labels[i].dataset.x + 5 / k).toFixed(2));
                  labels[i].setAttribute('y', (+labels[i].dataset.y - 5 / k).toFixed(2));
                }
                var r0 = +svg.dataset.r0 || 4;
                svg.style.setProperty('--r', Math.min(4, r0 * k).toFixed(2));
                var rects = [];
                for (i = 0; i < labels.length; i++) { rects.push(labels[i].getBoundingClientRect()); }
                var dots = svg.querySelectorAll('circle.bus');
                for (i = 0; i < dots.length; i++) { kept.push(dots[i].getBoundingClientRect()); }
                for (i = 0; i < labels.length; i++) {
                  var r = rects[i];
                  var free = r.left >= frame.left && r.right <= frame.right && r.top >= frame.top && r.bottom <= frame.bottom;
                  for (var j = 0; free && j < kept.length; j++) {
                    if (overlaps(r, kept[j])) { free = false; }
                  }
                  if (free) { kept.push({left: r.left - GAP, right: r.right + GAP, top: r.top, bottom: r.bottom});
                    labels[i].classList.remove('hid'); } else { labels[i].classList.add('hid'); }
                }
              }
              function pannable(svg) {
                var vp = svg.querySelector('g.vp');
                var k = 1, tx = 0, ty = 0;
                function apply() {
                  vp.setAttribute('transform', 'translate(' + tx.toFixed(2) + ',' + ty.toFixed(2) + ') scale(' + k.toFixed(4) + ')');
                  svg.style.setProperty('--k', k.toFixed(4));
                  placeLabels(svg, k);
                }
                function toSvg(clientX, clientY) {
                  var m = svg.getScreenCTM().inverse();
                  var p = svg.createSVGPoint();
                  p.x = clientX; p.y = clientY;
                  return p.matrixTransform(m);
                }
                function zoomAt(f, p) {
                  var nk = Math.min(40, Math.max(1, k * f));
                  tx = p.x - (p.x - tx) * nk / k;
                  ty = p.y - (p.y - ty) * nk / k;
                  k = nk;
                  if (k === 1) { tx = 0; ty = 0; }
                  apply();
                }
                svg.addEventListener('wheel', function (e) {
                  e.preventDefault();
                  zoomAt(e.deltaY < 0 ? 1.25 : 0.8, toSvg(e.clientX, e.clientY));
                }, {passive: false});
                var drag = null;
                svg.addEventListener('mousedown', function (e) {
                  drag = {p: toSvg(e.clientX, e.clientY), tx: tx, ty: ty};
                  svg.classList.add('dragging');
                });
                window.addEventListener('mousemove', function (e) {
                  if (!drag) { return; }
                  var p = toSvg(e.clientX, e.clientY);
                  tx = drag.tx + p.x - drag.p.x;
                  ty = drag.ty + p.y - drag.p.y;
                  vp.setAttribute('transform', 'translate(' + tx.toFixed(2) + ',' + ty.toFixed(2) + ') scale(' + k.toFixed(4) + ')');
                });
                window.addEventListener('mouseup', function () {
                  if (drag) { drag = null; svg.classList.remove('dragging'); placeLabels(svg, k); }
                });
                var buttons = svg.parentNode.querySelectorAll('button[data-zoom]');
                for (var i = 0; i < buttons.length; i++) {
                  buttons[i].addEventListener('click', function (e) {
                    var f = +e.currentTarget.dataset.zoom;
                    var box = svg.viewBox.baseVal;
                    if (f === 0) { k = 1; tx = 0; ty = 0; apply(); } else { zoomAt(f, {x: box.width / 2, y: box.height / 2}); }
                  });
                }
                apply();
              }
              function sortable(table) {
                var heads = table.querySelectorAll('th[data-sort]');
                for (var i = 0; i < heads.length; i++) {
                  (function (th, col) {
                    th.addEventListener('click', function () {
                      var asc = th.getAttribute('aria-sort') !== 'ascending';
                      var body = table.tBodies[0];
                      var rows = Array.prototype.slice.call(body.rows);
                      var numeric = th.dataset.sort === 'num';
                      rows.sort(function (a, b) {
                        var x = a.cells[col], y = b.cells[col];
                        var u = numeric ? parseFloat(x.dataset.v) : x.textContent;
                        var v = numeric ? parseFloat(y.dataset.v) : y.textContent;
                        if (numeric) {
                          if (isNaN(u)) { return isNaN(v) ? 0 : 1; }
                          if (isNaN(v)) { return -1; }
                          return asc ? u - v : v - u;
                        }
                        return asc ? u.localeCompare(v) : v.localeCompare(u);
                      });
                      for (var j = 0; j < heads.length; j++) { heads[j].removeAttribute('aria-sort'); }
                      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
                      rows.forEach(function (r) { body.appendChild(r); });
                    });
                  })(heads[i], heads[i].cellIndex);
                }
              }
              document.querySelectorAll('svg.pannable').forEach(pannable);
              document.querySelectorAll('table.sortable').forEach(sortable);
            })();
            """;

    private ReportScript() {
    }
}
