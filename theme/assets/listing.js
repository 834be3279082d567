// Filters, sort and count of a listing (all sheets, a country, a theme…), without a server.
//
// The listing's pages are plain HTML (pages of `listing_page_size` cards, a pager above and
// below): that is what a reader without JavaScript gets. This script reads the listing's
// filtres.json (generator/render/listing_filters.py): for each card, in the pages' order,
// its countries, themes, programme, status and years. It shows the filters and a sort, and
// when one is chosen, replaces the pages by the matching cards, in pages of the same size,
// taken from the listing pages that hold them (fetched once each). The choice is kept in the
// address (?pays=SN&tri=recent&p=2), so it can be shared and survives « back ».

const root = document.querySelector(".pk-listing[data-filtres]");
if (root) start(root).catch(() => {}); // no data: the plain pages stay
const downloads = document.querySelector(".pk-downloads .pk-downloads__documents");
if (downloads) filterDownloads(downloads);

// The downloads page holds every PDF: the filter only hides what does not match.
function filterDownloads(part) {
  const groups = [...part.querySelectorAll(".pk-download-group")];
  const items = [...part.querySelectorAll(".pk-downloads-list > li")];
  const form = element("form", { className: "pk-filters__form" });
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Filtrer les PDF");
  const field = (id, text, control) => {
    control.id = id;
    form.append(
      element("div", { className: "pk-filters__field" }, element("label", { htmlFor: id }, text), control),
    );
    return control;
  };
  const programme = field("pk-pdf-programme", "Programme", element("select", {}));
  programme.append(element("option", { value: "" }, "Tous"));
  for (const group of groups) {
    const title = group.querySelector("h3").firstChild.textContent.trim();
    programme.append(element("option", { value: group.dataset.programme || "-" }, title));
  }
  const kind = field("pk-pdf-type", "Type", element("select", {}));
  kind.append(element("option", { value: "" }, "Tous"));
  for (const value of [...new Set(items.map((li) => li.dataset.kind))].sort()) {
    kind.append(element("option", { value }, value));
  }
  const words = field("pk-pdf-mots", "Mots du titre", element("input", { type: "search" }));
  const details = element("details", { className: "pk-filters" });
  details.append(element("summary", { className: "pk-filters__toggle" }, "Filtrer"), form);
  details.open = matchMedia("(min-width: 60em)").matches;
  const count = element("p", { className: "pk-listing__count" });
  count.setAttribute("role", "status");
  part.querySelector(".pk-filters-slot").append(details, count);
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const titles = new Map(items.map((li) => [li, fold(li.querySelector("a").textContent)]));
  const update = () => {
    const wanted = fold(words.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const group of groups) {
      const inGroup = !programme.value || programme.value === (group.dataset.programme || "-");
      let visible = 0;
      for (const li of group.querySelectorAll(".pk-downloads-list > li")) {
        const ok =
          inGroup &&
          (!kind.value || li.dataset.kind === kind.value) &&
          wanted.every((w) => titles.get(li).includes(w));
        li.hidden = !ok;
        if (ok) visible++;
      }
      group.hidden = visible === 0;
      shown += visible;
    }
    count.textContent = `${shown.toLocaleString("fr-FR")} PDF sur ${items.length.toLocaleString("fr-FR")}`;
  };
  form.addEventListener("input", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  update();
}

async function start(root) {
  const here = new URL(location.href);
  const response = await fetch(new URL(root.dataset.filtres, here));
  if (!response.ok) return;
  const data = await response.json();
  const first = new URL(root.dataset.premiere, here);
  const currentPage = Number(root.dataset.page) || 1;
  const staticPart = root.querySelector(".pk-listing__pages");
  const slot = root.querySelector(".pk-filters-slot");
  const pageCards = new Map(); // page number -> its cards (elements, links made absolute)
  pageCards.set(currentPage, cardsOf(document, here));

  // --- the form ---
  const details = element("details", { className: "pk-filters" });
  const summary = element("summary", { className: "pk-filters__toggle" }, "Filtrer et trier");
  const form = element("form", { className: "pk-filters__form" });
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Filtrer la liste");
  const selects = {};
  for (const facet of data.facets) {
    const select = element("select", { name: facet.id, id: `pk-filtre-${facet.id}` });
    select.append(element("option", { value: "" }, facet.id === "annee" ? "Toutes" : "Tous"));
    for (const [value, label, count] of facet.values) {
      select.append(element("option", { value }, `${label} (${count})`));
    }
    const label = element("label", { htmlFor: select.id }, facet.label);
    form.append(element("div", { className: "pk-filters__field" }, label, select));
    selects[facet.id] = select;
  }
  const sorts = sortOptions(data.sorts, data.noun[0] === "document");
  const sort = element("select", { name: "tri", id: "pk-filtre-tri" });
  for (const [value, label] of sorts) sort.append(element("option", { value }, label));
  form.append(
    element(
      "div",
      { className: "pk-filters__field" },
      element("label", { htmlFor: sort.id }, "Trier par"),
      sort,
    ),
  );
  const reset = element("button", { type: "reset", className: "pk-filters__reset" }, "Tout afficher");
  form.append(element("div", { className: "pk-filters__field pk-filters__actions" }, reset));
  details.append(summary, form);
  const count = element("p", { className: "pk-listing__count" });
  count.setAttribute("role", "status");
  const results = element("div", { className: "pk-results" });
  results.hidden = true;
  slot.append(details, count, results);

  // --- the state, from the address ---
  const params = here.searchParams;
  for (const [id, select] of Object.entries(selects)) {
    const wanted = params.get(id);
    if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }
  const wantedSort = params.get("tri");
  if (wantedSort && sorts.some(([value]) => value === wantedSort)) sort.value = wantedSort;
  let resultPage = Math.max(1, Number(params.get("p")) || 1);
  let shows = 0;
  details.open = matchMedia("(min-width: 60em)").matches || isFiltered();

  function isFiltered() {
    return Object.values(selects).some((s) => s.value !== "");
  }

  function matches() {
    const wanted = Object.entries(selects)
      .filter(([, s]) => s.value !== "")
      .map(([id, s]) => [id, id === "annee" ? Number(s.value) : s.selectedIndex - 1]);
    const order = data.sorts[sort.value] || data.sorts.pages || [...data.cards.pays.keys()];
    return order.filter((card) =>
      wanted.every(([id, value]) => {
        const has = data.cards[id][card];
        if (id === "annee") {
          const [start, end] = Array.isArray(has) ? has : [has, has];
          return start <= value && value <= end;
        }
        return Array.isArray(has) ? has.includes(value) : has === value;
      }),
    );
  }

  function noun(n) {
    return `${n.toLocaleString("fr-FR")} ${n > 1 ? data.noun[1] : data.noun[0]}`;
  }

  async function show(scroll) {
    const filtered = isFiltered();
    const sorted = sort.value !== sorts[0][0];
    const found = matches();
    const address = new URL(location.href);
    for (const [id, select] of Object.entries(selects)) {
      if (select.value) address.searchParams.set(id, select.value);
      else address.searchParams.delete(id);
    }
    if (sorted) address.searchParams.set("tri", sort.value);
    else address.searchParams.delete("tri");
    if (!filtered && !sorted) {
      address.searchParams.delete("p");
      history.replaceState(null, "", address);
      count.textContent = noun(data.total);
      results.hidden = true;
      results.replaceChildren();
      staticPart.hidden = false;
      return;
    }
    const pages = Math.max(1, Math.ceil(found.length / data.size));
    resultPage = Math.min(resultPage, pages);
    if (resultPage > 1) address.searchParams.set("p", String(resultPage));
    else address.searchParams.delete("p");
    history.replaceState(null, "", address);
    count.textContent = filtered
      ? `${noun(found.length)} sur ${data.total.toLocaleString("fr-FR")}`
      : noun(data.total);
    const shown = found.slice((resultPage - 1) * data.size, resultPage * data.size);
    const generation = ++shows;
    const cards = await Promise.all(shown.map(cardNumber)); // the pages they are on, at once
    if (generation !== shows) return; // a later choice is being shown
    const list = element("ul", { className: "pk-cards" });
    list.append(...cards.filter(Boolean));
    const parts = [];
    if (pages > 1) parts.push(pager(pages, "haut"));
    parts.push(found.length ? list : element("p", {}, "Aucun résultat : retirez un filtre."));
    if (pages > 1) parts.push(pager(pages, "bas"));
    results.replaceChildren(...parts);
    staticPart.hidden = true;
    results.hidden = false;
    if (scroll) count.scrollIntoView({ block: "start" });
  }

  function pager(pages, where) {
    const nav = element("nav", { className: `pk-pager pk-pager--${where}` });
    nav.setAttribute("aria-label", `Pages des résultats${where === "haut" ? " (haut)" : ""}`);
    const status = element("p", { className: "pk-pager__status" }, `Page ${resultPage} sur ${pages}`);
    const links = element("ul", { className: "pk-pager__links" });
    const go = (n, label) => {
      const button = element("button", { type: "button" }, label);
      if (n === resultPage) button.setAttribute("aria-current", "page");
      button.addEventListener("click", () => {
        resultPage = n;
        show(true);
      });
      links.append(element("li", {}, button));
    };
    if (resultPage > 1) go(resultPage - 1, "‹ Page précédente");
    let last = 0;
    for (let n = 1; n <= pages; n++) {
      if (n === 1 || n === pages || Math.abs(n - resultPage) <= 2) {
        if (last && n > last + 1) links.append(element("li", { ariaHidden: "true" }, "…"));
        go(n, String(n));
        last = n;
      }
    }
    if (resultPage < pages) go(resultPage + 1, "Page suivante ›");
    nav.append(status, links);
    return nav;
  }

  async function cardNumber(card) {
    const page = Math.floor(card / data.size) + 1;
    if (!pageCards.has(page)) pageCards.set(page, fetchCards(page));
    const cards = await pageCards.get(page);
    const li = cards[card - (page - 1) * data.size];
    return li ? li.cloneNode(true) : null;
  }

  async function fetchCards(page) {
    const url = page === 1 ? first : new URL(`page/${page}/`, first);
    try {
      const response = await fetch(url);
      if (!response.ok) return [];
      const html = new DOMParser().parseFromString(await response.text(), "text/html");
      return cardsOf(html, url);
    } catch {
      return [];
    }
  }

  form.addEventListener("change", () => {
    resultPage = 1;
    show(false);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () =>
    setTimeout(() => {
      resultPage = 1;
      show(false);
    }),
  );
  await show(false);
}

// The cards of a listing page, in order, their links and images made absolute (they were
// relative to that page).
function cardsOf(doc, base) {
  const cards = [...doc.querySelectorAll(".pk-listing__pages li.pk-card")];
  return cards.map((card) => {
    const copy = card.cloneNode(true);
    for (const a of copy.querySelectorAll("a[href]")) a.href = new URL(a.getAttribute("href"), base);
    for (const img of copy.querySelectorAll("img[src]")) img.src = new URL(img.getAttribute("src"), base);
    return copy;
  });
}

function sortOptions(sorts, mixed) {
  const labels = { titre: "Titre (A → Z)", recent: "Plus récents d’abord" };
  const options = Object.keys(labels).map((id) => [id, labels[id]]);
  const own = sorts.pages === null ? options.findIndex(([id]) => sorts[id] === null) : -1;
  if (own > 0) options.unshift(...options.splice(own, 1));
  if (own < 0) options.unshift(["pages", mixed ? "Fiches, puis comptes-rendus" : "Par section"]);
  return options;
}

function element(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}
