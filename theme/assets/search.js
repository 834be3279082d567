// Search and browse page (recherche/): a small UI over Pagefind's JS API.
// The Pagefind bundle (pagefind/ at the site root) is loaded from this site only; the
// state (query and filters) lives in the URL query string so a view can be shared.
const here = new URL(import.meta.url);
const siteRoot = new URL("../", here);
const bundle = new URL("pagefind/", siteRoot);

const FACETS = [
  ["type", "Type"], ["pays", "Pays"], ["theme", "Thème"], ["organisation", "Organisation"],
  ["programme", "Programme"], ["statut", "Statut"], ["annee", "Année"],
];
const PAGE_SIZE = 10;  // results shown at once (and fragments fetched); « more » adds ten
const ELIDED = "(?:jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])['’]";
// « l'insertion », « d’Ivoire », « qu'il »: the elided word goes (the index has them split).
const QUERY_ELISION = new RegExp(`(^|[^\\p{L}\\p{N}'’])${ELIDED}(?=\\p{L})`, "giu");
// The index copy has « l’ insertion »: excerpts and metadata get the space removed again.
// (« <mark>c’</mark> est » too, when the elided word itself is highlighted.)
const SPLIT_ELISION = new RegExp(
  `(^|[^\\p{L}\\p{N}])(${ELIDED})(</mark>)?\\s+(?=<mark>|\\p{L})`, "giu");
// The index copy spells « cœur » « coeur » (Pagefind does not fold ligatures): so does the query.
const LIGATURES = [[/œ/g, "oe"], [/Œ/g, "Oe"], [/æ/g, "ae"], [/Æ/g, "Ae"]];

function unligature(text) {
  return LIGATURES.reduce((out, [from, to]) => out.replace(from, to), text);
}

export function normaliseQuery(text) {
  return unligature(text).replace(QUERY_ELISION, "$1").replace(/\s+/g, " ").trim();
}

function joinElisions(text) {
  return text.replace(SPLIT_ELISION, "$1$2$3");
}

// Lower case, no accents, no ligatures: to compare a query with what a result shows.
function fold(text) {
  return unligature(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// Pagefind answers a word it does not know with the pages of indexed words that share its
// beginning (« dakar » -> the « d » of « d’ », « conakry » -> « consultations »). A result
// is a real match when a word of its excerpt or metadata starts with most of a query word
// (three fifths, at least three letters: « femmes » / « femme », « moulins » / « moulin »).
function isRealMatch(data, words) {
  const shown = fold([data.excerpt || "", ...Object.values(data.meta || {})].join(" ")
    .replace(/<[^>]*>/g, " "));
  return words.some((word) => {
    const stem = word.slice(0, Math.max(3, Math.ceil(word.length * 0.6)));
    return new RegExp(`(^|[^\\p{L}\\p{N}])${stem}`, "u").test(shown);
  });
}

function queryWords(term) {
  return fold(term || "").split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
}

// « securite alimentaire » -> « "securite alimentaire" »; null for one word or a query
// already quoted by the reader.
export function phraseQuery(term) {
  if (!term || term.includes('"')) return null;
  const words = term.split(" ").filter(Boolean);
  return words.length >= 2 ? `"${words.join(" ")}"` : null;
}

// The results of the phrase first, in their order, then the others in Pagefind's.
export function phraseFirst(results, together) {
  const first = new Set(together.map((r) => r.id));
  const known = new Set(results.map((r) => r.id));
  return [
    ...together.filter((r) => known.has(r.id)),
    ...results.filter((r) => !first.has(r.id)),
  ];
}

// Organisations' full names (« Confédération française démocratique du travail (CFDT) »),
// written into the page by theme/fragments/search.html; the filter values are short names.
const ORG_NAMES = (() => {
  try {
    return JSON.parse(document.getElementById("pk-search-names")?.textContent || "{}");
  } catch {
    return {};
  }
})();

function readState() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const [key] of FACETS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  return { q: params.get("q") || "", filters };
}

function writeState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const [key] of FACETS) for (const v of state.filters[key] || []) params.append(key, v);
  const query = params.toString();
  const url = window.location.pathname + (query ? `?${query}` : "");
  window.history.replaceState(null, "", url);
}

function pagefindFilters(filters, except) {
  const out = {};
  for (const [key, values] of Object.entries(filters)) {
    if (key !== except && values.length) out[key] = { any: values };
  }
  return out;
}

// Only text and <mark> survive from a Pagefind excerpt.
function excerptNode(html) {
  const doc = new DOMParser().parseFromString(`<p>${joinElisions(html)}</p>`, "text/html");
  const p = document.createElement("p");
  p.className = "pk-result__excerpt";
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      p.append(mark);
    } else {
      p.append(document.createTextNode(node.textContent));
    }
  }
  return p;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function resultItem(data, hasQuery) {
  const meta = data.meta || {};
  const li = el("li", "pk-result");
  li.dataset.url = data.url;
  li.append(el("p", "pk-result__kind", meta.type || ""));
  const h3 = el("h3", "pk-result__title");
  const a = el("a", "", meta.titre || joinElisions(meta.title || data.url));
  a.href = data.url;
  h3.append(a);
  li.append(h3);
  // a match in the metadata only has no located words: its summary says more
  if (hasQuery && data.excerpt && (data.locations || []).length) li.append(excerptNode(data.excerpt));
  else li.append(el("p", "pk-result__excerpt", meta.resume || joinElisions(meta.summary || "")));
  if (meta.facts) li.append(el("p", "pk-result__facts", joinElisions(meta.facts)));
  return li;
}

function plural(n, one, many) {
  return `${n} ${n > 1 ? many : one}`;
}

async function main() {
  const app = document.querySelector("[data-pk-search]");
  if (!app) return;
  const form = document.querySelector(".pk-search-form");
  const input = document.getElementById("pk-search-q");
  const facetsBox = app.querySelector(".pk-search-app__facets");
  const status = app.querySelector(".pk-search-app__status");
  const list = app.querySelector(".pk-results");
  const more = app.querySelector(".pk-search-app__more");
  const toggle = app.querySelector(".pk-filter-toggle");
  app.hidden = false;
  // « Filtrer »: a disclosure button over the filters (shown on a phone only, see search.css)
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    app.classList.toggle("pk-search-app--filters-open", open);
  });

  const pagefind = await import(new URL("pagefind.js", bundle).href);
  await pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 24 });
  await pagefind.init();
  const allValues = await pagefind.filters();

  const state = readState();
  input.value = state.q;
  let results = [];
  let shown = 0;
  let generation = 0;

  async function showMore(preloaded) {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const data = preloaded || await Promise.all(batch.map((r) => r.data()));
    const hasQuery = Boolean(normaliseQuery(state.q));
    for (const d of data) list.append(resultItem(d, hasQuery));
    more.hidden = shown >= results.length;
  }

  // Folded groups on a phone (the « Filtrer » panel is short); open on a wide screen.
  const wide = window.matchMedia("(min-width: 45em)").matches;
  const openGroups = new Set(wide ? FACETS.map(([key]) => key) : Object.keys(state.filters));

  function shownValue(key, value) {
    return key === "organisation" ? ORG_NAMES[value] || value : value;
  }

  function renderFacets(counts) {
    facetsBox.replaceChildren();
    let active = 0;
    for (const [key, label] of FACETS) {
      const values = Object.keys(allValues[key] || {})
        .sort((a, b) => shownValue(key, a).localeCompare(shownValue(key, b), "fr"));
      if (!values.length) continue;
      const selected = state.filters[key] || [];
      active += selected.length;
      const group = el("details", "pk-facet");
      group.dataset.group = key;
      const summary = el("summary", "pk-facet__title", label);
      if (selected.length) summary.append(el("span", "pk-facet__selected", ` (${selected.length})`));
      const fieldset = el("fieldset", "pk-facet__options");
      fieldset.dataset.facet = key;
      fieldset.append(el("legend", "pk-visually-hidden", label));
      for (const value of values) {
        const count = (counts[key] || {})[value] || 0;
        const checked = selected.includes(value);
        if (!count && !checked) continue;
        const row = el("label", "pk-facet__option");
        const box = document.createElement("input");
        box.type = "checkbox";
        box.name = key;
        box.value = value;
        box.checked = checked;
        box.addEventListener("change", () => {
          const now = new Set(state.filters[key] || []);
          if (box.checked) now.add(value); else now.delete(value);
          if (now.size) state.filters[key] = [...now]; else delete state.filters[key];
          update();
        });
        row.append(box, el("span", "pk-facet__value", shownValue(key, value)),
          el("span", "pk-facet__count", String(count)));
        fieldset.append(row);
      }
      if (!fieldset.querySelector("input")) continue;
      group.open = openGroups.has(key);
      group.addEventListener("toggle", () => {
        if (group.open) openGroups.add(key); else openGroups.delete(key);
      });
      group.append(summary, fieldset);
      facetsBox.append(group);
    }
    toggle.textContent = active ? `Filtrer (${active})` : "Filtrer";
  }

  async function update() {
    const mine = ++generation;
    writeState(state);
    const term = normaliseQuery(state.q) || null;
    const search = await pagefind.search(term, { filters: pagefindFilters(state.filters) });
    if (mine !== generation || !search) return;
    // Several words: the pages holding them side by side come first (Pagefind's quoted
    // phrase, accents folded: « securite alimentaire » finds « sécurité alimentaire »
    // before a page that says « sécurité » and « alimentaires » apart, more often).
    const phrase = phraseQuery(term);
    if (phrase) {
      const together = await pagefind.search(phrase, { filters: pagefindFilters(state.filters) });
      if (mine !== generation) return;
      search.results = phraseFirst(search.results, together ? together.results : []);
    }
    // Counts per facet: the results of every other filter (values of one facet add up).
    const counts = { ...search.filters };
    for (const key of Object.keys(state.filters)) {
      const other = await pagefind.search(term, { filters: pagefindFilters(state.filters, key) });
      if (mine !== generation) return;
      counts[key] = other.filters[key] || {};
    }
    results = search.results;
    // Only fallback matches in the first page of results: the query found nothing.
    const words = queryWords(term);
    const first = await Promise.all(results.slice(0, PAGE_SIZE).map((r) => r.data()));
    if (mine !== generation) return;
    if (words.length && first.length && !first.some((d) => isRealMatch(d, words))) {
      results = [];
      for (const key of Object.keys(counts)) counts[key] = {};
    }
    shown = 0;
    list.replaceChildren();
    status.textContent = results.length
      ? plural(results.length, "résultat", "résultats")
      : "Aucun résultat. Essayez un autre mot ou retirez un filtre.";
    renderFacets(counts);
    await showMore(results.length ? first : []);
    app.dataset.ready = String(mine);
  }

  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.q = input.value; update(); }, 200);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state.q = input.value;
    update();
  });
  more.addEventListener("click", () => showMore());
  await update();
}

main().catch((error) => {
  const status = document.querySelector(".pk-search-app__status");
  if (status) status.textContent = "La recherche n’a pas pu démarrer. Parcourez les listes ci-dessous.";
  console.warn("Recherche indisponible :", error);
});
