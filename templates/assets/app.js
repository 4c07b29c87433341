/* plangen: progressive enhancement only. Every page works without this file. */
(function () {
  "use strict";

  function onFile() { return window.location.protocol === "file:"; }

  function setupSearchBoxes() {
    if (!onFile()) return;
    document.querySelectorAll(".search-offline").forEach(function (p) { p.hidden = false; });
    document.querySelectorAll(".search-box input, .search-box button").forEach(function (el) { el.disabled = true; });
  }

  function setupFilters() {
    if (window.plangenFilter) return;  // assets/filter.js filters over every plan
    var form = document.getElementById("filters");
    var list = document.getElementById("plan-list");
    if (!form || !list) return;
    form.hidden = false;
    var cards = Array.prototype.slice.call(list.querySelectorAll(".plan-card"));
    var status = form.querySelector(".filter-status");
    var empty = document.querySelector(".no-results");
    function apply() {
      var text = form.elements.text.value.trim().toLowerCase();
      var year = form.elements.year.value, category = form.elements.category.value;
      var st = form.elements.status.value, org = form.elements.org.value;
      var shown = 0;
      cards.forEach(function (card) {
        var d = card.dataset;
        var ok = (!year || d.year === year) && (!category || d.category === category) &&
          (!st || d.status === st) && (!org || (" " + d.orgs + " ").indexOf(" " + org + " ") >= 0) &&
          (!text || d.text.toLowerCase().indexOf(text) >= 0);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      status.textContent = shown + " / " + cards.length;
      if (empty) empty.hidden = shown !== 0;
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    var params = new URLSearchParams(window.location.search);
    ["year", "category", "status", "org", "text"].forEach(function (k) {
      if (params.get(k)) form.elements[k].value = params.get(k);
    });
    apply();
  }

  // The index holds each Chinese character as a word (see plangen/search_html.py), because the
  // browser and the indexer segment Chinese differently: search for the query as an exact phrase
  // of characters, and join the characters again in everything shown.
  var CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef";
  var C = "[" + CJK + "]", W = "[" + CJK + "0-9A-Za-z]", GAP = "((?:<[^>]+>)*)\\s+((?:<[^>]+>)*)";
  var AROUND_CJK = new RegExp("(?<=" + C + ")(?=\\S)|(?<=\\S)(?=" + C + ")", "g");
  var GAP_AFTER_CJK = new RegExp("(" + C + ")" + GAP + "(?=" + W + ")", "g");
  var GAP_BEFORE_CJK = new RegExp("(" + W + ")" + GAP + "(?=" + C + ")", "g");

  // Pagefind takes one quoted phrase: the longest part of the query; the other parts must occur too.
  function phrase(term) {
    var parts = String(term).replace(/["“”]/g, " ").trim().split(/\s+/).filter(Boolean);
    if (!new RegExp(C).test(parts.join(""))) return term;
    var longest = parts.reduce(function (a, b) { return b.length > a.length ? b : a; });
    return parts.map(function (p) {
      var chars = p.replace(AROUND_CJK, " ").replace(/\s+/g, " ").trim();
      return p === longest ? '"' + chars + '"' : chars;
    }).join(" ");
  }

  function joined(html) {
    return String(html).replace(GAP_AFTER_CJK, "$1$2$3").replace(GAP_BEFORE_CJK, "$1$2$3")
      .replace(/<\/mark><mark>/g, "");
  }

  function shown(result, labels) {
    var meta = {};
    Object.keys(result.meta || {}).forEach(function (k) { meta[labels[k] || k] = joined(result.meta[k]); });
    result.meta = meta;
    result.excerpt = joined(result.excerpt);
    (result.sub_results || []).forEach(function (sub) {
      sub.title = joined(sub.title);
      sub.excerpt = joined(sub.excerpt);
    });
    return result;
  }

  function setupSearchPage() {
    var box = document.getElementById("search");
    if (!box || onFile() || typeof window.PagefindUI !== "function") return;
    var labels = { issuer: box.dataset.labelIssuer, period: box.dataset.labelPeriod };
    var ui = new window.PagefindUI({
      element: "#search",
      // Pagefind UI appends "pagefind.js" to this path: it must end with "/"
      bundlePath: new URL(box.dataset.bundle.replace(/\/?$/, "/"), window.location.href).pathname,
      // result URLs are stored from the site root: resolve them against where the site is served
      baseUrl: new URL(document.body.dataset.root || "./", window.location.href).pathname,
      showImages: false, showSubResults: true, resetStyles: false, excerptLength: 48,
      processTerm: phrase,
      // issuer and period under each title, with the interface's own labels
      processResult: function (result) { return shown(result, labels); }
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) ui.triggerSearch(q);
  }

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
    setupSearchBoxes();
    setupFilters();
    setupSearchPage();
  });
})();
