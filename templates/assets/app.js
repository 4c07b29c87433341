/* plangen: progressive enhancement only. Every page works without this file. */
(function () {
  "use strict";

  // The table of contents marks the part being read: the last part whose heading is above the upper
  // third of the window.
  function setupContents() {
    var links = Array.prototype.slice.call(document.querySelectorAll(".toc ol a[href^='#']"));
    var parts = links.map(function (a) { return document.getElementById(a.getAttribute("href").slice(1)); });
    if (!links.length) return;
    var shown = -1;
    function mark() {
      var line = window.innerHeight / 3, at = 0;
      parts.forEach(function (part, i) { if (part && part.getBoundingClientRect().top <= line) at = i; });
      if (at === shown) return;
      if (shown >= 0) links[shown].removeAttribute("aria-current");
      links[at].setAttribute("aria-current", "true");
      shown = at;
    }
    window.addEventListener("scroll", mark, { passive: true });
    window.addEventListener("resize", mark);
    mark();
  }

  // Tables written in a plan's text: each cell gets its column's heading, so that on a phone the
  // table shows as stacked rows like the leadership table (style.css, table.stack).
  function setupPlanTables() {
    document.querySelectorAll(".part table:not(.stack)").forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
      if (!heads.length) return;
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (td, i) { if (heads[i]) td.setAttribute("data-label", heads[i]); });
      });
      table.classList.add("stack");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupContents();
    setupPlanTables();
  });
})();
