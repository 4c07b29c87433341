/* plangen: progressive enhancement only. Every page works without this file. */
(function () {
  "use strict";

  function setupFilters() {
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

  document.addEventListener("DOMContentLoaded", function () {
    setupFilters();
  });
})();
