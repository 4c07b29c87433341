/* plangen search page: reads the index that plangen writes into search/ (see docs/search.md).
   Index files are scripts calling plangenSearch.*, loaded with <script> elements, so search works
   from a server and from file:// alike. No request leaves the site; no eval; every value from the
   index is inserted as text (textContent, option.text), never as markup. */
(function () {
  "use strict";

  var PAGE = 20, PER_FILE = 8;  // results shown at a time; records per file (search_index.RECORDS_PER_FILE)
  var store = { meta: null, filters: null, shards: {}, docs: {} };
  var loading = {};
  window.plangenSearch = {
    meta: function (_, data) { store.meta = data; },
    filters: function (_, data) { store.filters = data; },
    shard: function (k, data) { store.shards[k] = data; },
    docs: function (c, list) { list.forEach(function (data, i) { store.docs[c * PER_FILE + i] = data; }); }
  };

  function load(base, path, have) {
    if (have()) return Promise.resolve();
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = base + path;
        s.async = true;
        s.onload = function () { s.remove(); resolve(); };
        s.onerror = function () { s.remove(); delete loading[path]; reject(new Error(path)); };
        document.head.appendChild(s);
      });
    }
    return loading[path];
  }

  // --- normalisation: the same as plangen/search_index.py, one character at a time ---------------
  var LETTER = /[\p{L}\p{N}]/u, CELL = "\u2502", BOUNDARY = "\u0000", normCache = new Map();
  function normChar(ch) {
    if (ch === CELL || ch === BOUNDARY) return BOUNDARY;
    var hit = normCache.get(ch);
    if (hit !== undefined) return hit;
    var out = "";
    for (var c of ch.normalize("NFKC").toLowerCase()) { if (LETTER.test(c)) out += c; }
    normCache.set(ch, out);
    return out;
  }
  // normalised text and, for each of its characters, where it starts and ends in the original
  function normalised(text) {
    var norm = "", starts = [], ends = [], i = 0;
    for (var ch of text) {
      var n = normChar(ch);
      for (var c of n) { norm += c; starts.push(i); ends.push(i + ch.length); }
      i += ch.length;
    }
    return { norm: norm, starts: starts, ends: ends };
  }
  function normalise(text) { return normalised(text).norm; }

  function keysOf(term) {
    var chars = Array.from(term);
    if (chars.length === 1) return chars;
    var keys = [];
    for (var i = 0; i + 1 < chars.length; i++) keys.push(chars[i] + chars[i + 1]);
    return keys;
  }
  function shardOf(key, shards) {
    var a = key.codePointAt(0), b = key.length > (a > 0xffff ? 2 : 1) ? key.codePointAt(a > 0xffff ? 2 : 1) : 0;
    return (((Math.imul(a, 0x9E3779B1) + Math.imul(b, 0x85EBCA77)) >>> 0) >>> 16) & (shards - 1);
  }
  function ids(deltas) {
    var out = [], n = 0;
    if (!deltas) return out;
    deltas.split(",").forEach(function (d) { n += Number(d); out.push(n); });
    return out;
  }
  function intersect(a, b) {
    var set = new Set(b);
    return a.filter(function (x) { return set.has(x); });
  }

  // --- a query: candidates from the postings, ranked; records loaded page by page and checked -----
  function terms(q) {
    var seen = {};
    return q.split(/\s+/).map(normalise).map(function (t) { return t.split(BOUNDARY).join(""); })
      .filter(function (t) { if (!t || seen[t]) return false; seen[t] = 1; return true; });
  }

  function candidates(base, words) {
    var meta = store.meta, keys = [];
    words.forEach(function (w) { keysOf(w).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); }); });
    var shards = keys.map(function (k) { return shardOf(k, meta.shards); });
    return Promise.all(shards.map(function (k) {
      return load(base, "s/" + k + ".js", function () { return k in store.shards; });
    })).then(function () {
      var found = null, inTitle = {};
      keys.forEach(function (k, i) {
        var post = store.shards[shards[i]][k] || ["", ""];
        found = found === null ? ids(post[0]) : intersect(found, ids(post[0]));
        inTitle[k] = new Set(ids(post[1]));
      });
      var score = function (n) {
        return words.filter(function (w) { return keysOf(w).every(function (k) { return inTitle[k].has(n); }); }).length;
      };
      // all terms in the title first; among those, a name's own page (records after the plans) first
      var plans = meta.plans, scored = (found || []).map(function (n) {
        var s = score(n);
        return [s * 2 + (s === words.length && n >= plans ? 1 : 0), n];
      });
      scored.sort(function (x, y) { return y[0] - x[0] || x[1] - y[1]; });
      return scored.map(function (x) { return x[1]; });
    });
  }

  function chosen(form) {
    return Array.prototype.some.call(form.querySelectorAll("select"), function (s) { return s.value; });
  }
  function filterSet(form) {
    var sets = [];
    (store.filters || []).forEach(function (f) {
      var select = form.elements["f-" + f.name], value = select ? select.value : "";
      if (!value) return;
      var hit = f.values.filter(function (v) { return v[0] === value; })[0];
      sets.push(new Set(hit ? ids(hit[1]) : []));
    });
    return sets;
  }

  // every term inside one passage (or the title): the record really matches
  function matches(record, words) {
    var texts = [record.t].concat(record.p, (record.m || []).map(function (m) { return m[1]; }));
    return words.every(function (w) {
      return texts.some(function (t) { return normalise(t).indexOf(w) >= 0; });
    });
  }

  // --- excerpts: the passage with the most terms, a window around the first, terms as <mark> ------
  function ranges(text, words) {
    var n = normalised(text), found = [];
    words.forEach(function (w) {
      var at = n.norm.indexOf(w);
      while (at >= 0) {
        found.push([n.starts[at], n.ends[at + w.length - 1]]);
        at = n.norm.indexOf(w, at + w.length);
      }
    });
    found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    found.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([r[0], r[1]]);
    });
    return merged;
  }
  function marked(parent, text, rs, from, to) {
    var at = from;
    rs.forEach(function (r) {
      if (r[1] <= from || r[0] >= to) return;
      var a = Math.max(r[0], from), b = Math.min(r[1], to);
      if (a > at) parent.appendChild(document.createTextNode(text.slice(at, a)));
      var m = document.createElement("mark");
      m.textContent = text.slice(a, b);
      parent.appendChild(m);
      at = b;
    });
    if (at < to) parent.appendChild(document.createTextNode(text.slice(at, to)));
  }
  // the passages that together hold the most terms (two at most), each cut around its first term
  // (the plan's text first; its list entry's values, after their label, only when the text lacks a term)
  function excerpt(record, words, el, colon) {
    var pieces = record.p.map(function (p) { return ["", p]; })
      .concat((record.m || []).map(function (m) { return [m[0] + colon, m[1]]; }));
    var missing = words.slice(), shown = 0;
    while (missing.length && shown < 2) {
      var best = null, bestCount = 0;
      pieces.forEach(function (piece) {
        var np = normalise(piece[1]), count = missing.filter(function (w) { return np.indexOf(w) >= 0; }).length;
        if (count > bestCount) { best = piece; bestCount = count; }
      });
      if (best === null) break;
      missing = missing.filter(function (w) { return normalise(best[1]).indexOf(w) < 0; });
      if (shown) el.appendChild(document.createTextNode(" "));
      if (best[0]) el.appendChild(document.createTextNode(best[0]));
      window_(best[1], ranges(best[1], words), el);
      shown += 1;
    }
    if (!shown && record.k === "plan") window_(record.p[0] || "", [], el);  // terms in the title only
  }
  function window_(text, rs, el) {
    var width = 110, from = rs.length ? Math.max(0, rs[0][0] - 30) : 0;
    var to = Math.min(text.length, from + width);
    if (to - from < width) from = Math.max(0, to - width);
    if (from > 0) el.appendChild(document.createTextNode("…"));
    marked(el, text, rs, from, to);
    if (to < text.length) el.appendChild(document.createTextNode("…"));
  }

  function resultItem(record, words, root, kinds, colon) {
    var li = document.createElement("li");
    li.className = "search-result";
    var h = document.createElement("h2"), a = document.createElement("a");
    a.setAttribute("href", root + encodeURI(record.u));
    marked(a, record.t, ranges(record.t, words), 0, record.t.length);
    h.appendChild(a);
    var kind = document.createElement("span");
    kind.className = "search-kind";
    kind.textContent = kinds[record.k] || record.k;
    h.appendChild(document.createTextNode(" "));
    h.appendChild(kind);
    li.appendChild(h);
    if (record.l) {
      var line = document.createElement("p");
      line.className = "search-line";
      line.textContent = record.l;
      li.appendChild(line);
    }
    var ex = document.createElement("p");
    ex.className = "search-excerpt";
    excerpt(record, words, ex, colon);
    li.appendChild(ex);
    return li;
  }

  // --- the page --------------------------------------------------------------------------------
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, k) { return String(values[k]); });
  }

  function setupFilters(form) {
    (store.meta.facets || []).forEach(function (f) {
      var select = form.elements["f-" + f.name];
      if (!select) return;
      f.values.forEach(function (v) {
        var o = document.createElement("option");
        o.value = v;
        o.text = v;
        select.appendChild(o);
      });
    });
  }

  function start(box) {
    var base = box.dataset.index, root = document.body.dataset.root || "./", L = box.dataset;
    var form = document.getElementById("search-form"), status = document.getElementById("search-status");
    var list = document.getElementById("search-results"), more = document.getElementById("search-more");
    var kinds = { plan: L.kindPlan, org: L.kindOrg, person: L.kindPerson, doc: L.kindDoc };
    var run = 0, state = null;

    function say(text) { status.textContent = text; }
    function showPage(my) {
      var ranked = state.ranked, words = state.words, picked = [];
      var next = function () {
        if (my !== run) return Promise.resolve();
        if (picked.length >= PAGE || state.at >= ranked.length) return Promise.resolve();
        var batch = ranked.slice(state.at, state.at + PAGE - picked.length);
        state.at += batch.length;
        return Promise.all(batch.map(function (n) {
          return load(base, "d/" + Math.floor(n / PER_FILE) + ".js", function () { return n in store.docs; });
        })).then(function () {
          batch.forEach(function (n) {
            if (matches(store.docs[n], words)) picked.push(n); else state.dropped += 1;
          });
          return next();
        });
      };
      return next().then(function () {
        if (my !== run) return;
        picked.forEach(function (n) { list.appendChild(resultItem(store.docs[n], words, root, kinds, L.colon)); });
        var total = ranked.length - state.dropped;
        say(total ? fill(L.results, { n: total }) : fill(L.none, { q: state.query }));
        more.hidden = state.at >= ranked.length;
      });
    }
    function search(pushUrl) {
      var my = ++run, q = form.elements.q.value.trim(), words = terms(q);
      var params = new URLSearchParams();
      if (q) params.set("q", q);
      Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) { if (s.value) params.set(s.name, s.value); });
      if (pushUrl) history.replaceState(null, "", "?" + params.toString());
      if (!words.length) {
        list.textContent = ""; more.hidden = true; say(L.empty); box.dataset.done = String(run);
        return Promise.resolve();
      }
      var filters = chosen(form) ? load(base, "filters.js", function () { return store.filters !== null; }) : null;
      return Promise.all([candidates(base, words), filters]).then(function (got) {
        var ranked = got[0];
        if (my !== run) return;
        var sets = filterSet(form);
        if (sets.length) ranked = ranked.filter(function (n) { return sets.every(function (s) { return s.has(n); }); });
        state = { ranked: ranked, words: words, at: 0, dropped: 0, query: q };
        list.textContent = "";
        return showPage(my);
      }).then(function () {
        if (my === run) box.dataset.done = String(run);
      }, function () { if (my === run) say(L.failed); });
    }

    var timer = 0;
    form.addEventListener("submit", function (e) { e.preventDefault(); search(true); });
    form.elements.q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { search(true); }, 120); });
    form.addEventListener("change", function (e) { if (e.target.tagName === "SELECT") search(true); });
    more.addEventListener("click", function () { var my = run; showPage(my).then(function () { box.dataset.done = String(run); }); });
    var params = new URLSearchParams(window.location.search);
    form.elements.q.value = params.get("q") || "";
    setupFilters(form);
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) { s.value = params.get(s.name) || ""; });
    search(false);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("search");
    if (!box) return;
    load(box.dataset.index, "meta.js", function () { return store.meta !== null; }).then(function () { start(box); },
      function () { document.getElementById("search-status").textContent = box.dataset.failed; });
  });
})();
