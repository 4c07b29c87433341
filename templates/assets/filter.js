/* plangen: the home page's filters over every plan, not only the cards on this page.
   Progressive enhancement: without this file the list pages and facets still reach every plan.
   The compact index (api/filter.json, see docs/api.md) is fetched only once the reader filters;
   from disk (file://), where browsers refuse to fetch, the filters apply to the cards shown. */
(function () {
  "use strict";
  var LIMIT = 200;  // matches shown at once

  function setup() {
    var form = document.getElementById("filters");
    var list = document.getElementById("plan-list");
    if (!form || !list) return;
    form.hidden = false;
    var status = form.querySelector(".filter-status");
    var empty = document.querySelector(".no-results");
    var pager = document.querySelector(".home-list .pager");
    var cards = Array.prototype.slice.call(list.querySelectorAll(".plan-card"));
    var found = document.createElement("ul");
    found.className = "plan-list filter-results";
    found.hidden = true;
    list.parentNode.insertBefore(found, list.nextSibling);
    var rows = null, loading = null;
    var onFile = window.location.protocol === "file:";

    function wanted() {
      var e = form.elements;
      return { text: e.text.value.trim().toLowerCase(), year: e.year.value, category: e.category.value,
        status: e.status.value, org: e.org.value };
    }
    function active(q) { return !!(q.text || q.year || q.category || q.status || q.org); }
    function matches(q, year, category, st, orgs, text) {
      return (!q.year || year === q.year) && (!q.category || category === q.category) &&
        (!q.status || st === q.status) && (!q.org || orgs.indexOf(q.org) >= 0) &&
        (!q.text || text.toLowerCase().indexOf(q.text) >= 0);
    }
    function show(hideList, shown, total) {
      list.hidden = hideList;
      if (pager) pager.hidden = hideList;
      status.textContent = shown + " / " + total;
      if (empty) empty.hidden = shown !== 0;
    }
    function onPage(q) {  // the cards of this page only
      var shown = 0;
      cards.forEach(function (card) {
        var d = card.dataset;
        var ok = matches(q, d.year, d.category, d.status, (d.orgs || "").split(" "), d.text || "");
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      found.hidden = true;
      show(false, shown, cards.length);
    }
    function item(row, f) {
      var li = document.createElement("li");
      li.className = "plan-card";
      li.dataset.year = row[f.year];
      li.dataset.category = row[f.category];
      li.dataset.status = row[f.status];
      var a = document.createElement("a");
      a.className = "plan-title";
      a.href = (document.body.dataset.root || "./") + "plans/" + encodeURIComponent(row[f.slug]) + ".html";
      a.textContent = row[f.title];
      var meta = document.createElement("p");
      meta.className = "plan-meta";
      meta.textContent = [row[f.issuer], row[f.period], row[f.category]].filter(Boolean).join(" · ");
      li.appendChild(a);
      li.appendChild(meta);
      return li;
    }
    function everywhere(q) {  // every plan, from the compact index
      var f = rows.fields, hits = [];
      rows.plans.forEach(function (r) {
        var orgs = r[f.orgs].map(function (i) { return rows.orgs[i]; });
        if (matches(q, r[f.year], r[f.category], r[f.status], orgs, r[f.title] + " " + r[f.issuer])) hits.push(r);
      });
      found.textContent = "";
      hits.slice(0, LIMIT).forEach(function (r) { found.appendChild(item(r, f)); });
      found.hidden = false;
      cards.forEach(function (card) { card.hidden = false; });
      show(true, hits.length, rows.plans.length);
    }
    function load() {
      if (!loading) {
        loading = fetch(form.dataset.index).then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        }).then(function (doc) {
          var f = {};
          doc.fields.forEach(function (name, i) { f[name] = i; });
          rows = { fields: f, plans: doc.plans, orgs: doc.orgs };
        });
      }
      return loading;
    }
    function apply() {
      var q = wanted();
      if (!active(q)) {
        found.hidden = true;
        cards.forEach(function (card) { card.hidden = false; });
        show(false, cards.length, cards.length);
        status.textContent = "";
        return;
      }
      // every plan is on this page (no pager), or the index cannot be fetched: filter the cards shown
      if (!pager || onFile || typeof fetch !== "function") { onPage(q); return; }
      if (rows) { everywhere(q); return; }
      load().then(function () { everywhere(wanted()); }, function () { onFile = true; onPage(wanted()); });
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

  document.addEventListener("DOMContentLoaded", setup);
})();
