// A barometer's page (barometre/<id>/): answers kept in this browser's localStorage only,
// scores per dimension, gaps with a partner's imported file, the trend over years, exports.
// Nothing is fetched or sent: the questionnaire's structure is read from the page's
// data- attributes, and every text shown is set with textContent (never HTML).
const FORMAT = "pk-barometre";
const FORMAT_VERSION = 1;
const MAX_IMPORT = 256 * 1024;  // an export of 200 statements is about 10 KB
const MAX_TEXT = 2000;
const SVG = "http://www.w3.org/2000/svg";

function start(root) {
  const id = root.dataset.id;
  const version = root.dataset.version;
  const min = Number(root.dataset.min);
  const max = Number(root.dataset.max);
  const key = `pk-barometre:${id}`;
  const form = root.querySelector("[data-pk-form]");
  const statements = [...root.querySelectorAll("[data-statement]")].map((el) => ({
    id: el.dataset.statement,
    dimension: el.dataset.dimension,
    reverse: el.hasAttribute("data-reverse"),
    text: el.querySelector("legend").textContent.replace(/^\s*\d+\.\s*/, "").trim(),
    labels: Object.fromEntries([...el.querySelectorAll("input")].map(
      (input) => [input.value, input.parentElement.textContent.trim()])),
  }));
  const byId = Object.fromEntries(statements.map((s) => [s.id, s]));
  const values = new Set(Object.keys(statements[0]?.labels || {}));
  const dimensions = [...root.querySelectorAll(".pk-baro__dimension")].map((el) => ({
    id: el.querySelector("h2").id.replace(/^dimension-/, ""),
    title: el.querySelector("h2").textContent.trim(),
  }));
  const questions = [...root.querySelectorAll("[data-question]")].map((el) => el.dataset.question);
  const status = root.querySelector("[data-pk-status]");
  let changed = false;
  let state = load();

  function blank() {
    return { version, partnership: "", respondent: "", answers: {}, comments: {}, imported: [], compare: 0 };
  }

  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(key) || "null");
      if (saved && typeof saved === "object") {
        const kept = blank();
        kept.partnership = text(saved.partnership, 200);
        kept.respondent = text(saved.respondent, 200);
        kept.answers = answersOf(saved.answers);
        kept.comments = commentsOf(saved.comments);
        kept.imported = (Array.isArray(saved.imported) ? saved.imported : [])
          .filter((r) => r && typeof r.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(r.date))
          .map((r) => ({
            partnership: text(r.partnership, 200), respondent: text(r.respondent, 200), date: r.date,
            answers: answersOf(r.answers), comments: commentsOf(r.comments),
          }));
        kept.compare = Number.isInteger(saved.compare) ? saved.compare : 0;
        if (saved.version !== version && kept.imported.length) {
          // the questionnaire changed since: other files no longer compare statement by statement
          kept.imported = [];
          changed = true;
        }
        return kept;
      }
    } catch (error) { /* unreadable: start afresh */ }
    return blank();
  }

  function save() {
    try {
      localStorage.setItem(key, JSON.stringify(state));
    } catch (error) {
      say("Ce navigateur n’enregistre pas les réponses (stockage local désactivé ou plein) : "
        + "exportez-les avant de fermer la page.");
    }
  }

  function text(value, limit) {
    return typeof value === "string" ? value.slice(0, limit) : "";
  }

  function answersOf(value) {
    const out = {};
    if (value && typeof value === "object") {
      for (const [sid, answer] of Object.entries(value)) {
        if (byId[sid] && values.has(String(answer))) out[sid] = answer === "nsp" ? "nsp" : Number(answer);
      }
    }
    return out;
  }

  function commentsOf(value) {
    const out = {};
    if (value && typeof value === "object") {
      for (const [qid, comment] of Object.entries(value)) {
        if (questions.includes(qid) && typeof comment === "string" && comment) out[qid] = comment.slice(0, MAX_TEXT);
      }
    }
    return out;
  }

  // --- the form ---

  function fill() {
    form.elements.partnership.value = state.partnership;
    form.elements.respondent.value = state.respondent;
    for (const s of statements) {
      for (const input of form.querySelectorAll(`input[name="s-${s.id}"]`)) {
        input.checked = String(state.answers[s.id]) === input.value;
      }
    }
    for (const qid of questions) form.elements[`q-${qid}`].value = state.comments[qid] || "";
  }

  form.addEventListener("change", (event) => {
    const input = event.target;
    if (input.type === "radio") {
      const sid = input.name.slice(2);
      state.answers[sid] = input.value === "nsp" ? "nsp" : Number(input.value);
      save();
      show();
    }
  });
  form.addEventListener("input", (event) => {
    const input = event.target;
    if (input.name === "partnership" || input.name === "respondent") {
      state[input.name] = input.value.slice(0, 200);
    } else if (input.dataset.question) {
      if (input.value) state.comments[input.dataset.question] = input.value.slice(0, MAX_TEXT);
      else delete state.comments[input.dataset.question];
    } else return;
    save();
    printHead();
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  // --- scores ---

  function scores(answers) {
    const out = {};
    for (const d of dimensions) {
      const counted = statements.filter((s) => s.dimension === d.id && typeof answers[s.id] === "number");
      if (!counted.length) { out[d.id] = null; continue; }
      const total = counted.reduce((sum, s) => {
        const value = s.reverse ? max + min - answers[s.id] : answers[s.id];
        return sum + (value - min) / (max - min);
      }, 0);
      out[d.id] = Math.round((100 * total) / counted.length);
    }
    return out;
  }

  function gaps(mine, theirs) {
    return statements
      .filter((s) => typeof mine[s.id] === "number" && typeof theirs[s.id] === "number")
      .map((s, order) => ({ s, order, gap: Math.abs(mine[s.id] - theirs[s.id]) }))
      .filter((g) => g.gap > 0)
      .sort((a, b) => b.gap - a.gap || a.order - b.order)
      .slice(0, 5);
  }

  // --- drawing ---

  function el(name, attrs = {}, ...children) {
    const node = document.createElement(name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  }

  function svg(name, attrs = {}, content = "") {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (content) node.textContent = content;
    return node;
  }

  // Horizontal bars: a group per dimension, a bar per series, each with its name and
  // figure written beside it (the meaning never rests on colour alone).
  function chart(series, caption) {
    const bar = 16;
    const per = series.length * (bar + 4) + 26;
    const figure = svg("svg", {
      class: "pk-chart", viewBox: `0 0 320 ${dimensions.length * per}`, role: "img",
      "aria-label": `${caption} (détail dans le tableau)`,
    });
    dimensions.forEach((d, row) => {
      const top = row * per;
      figure.append(svg("text", { class: "pk-chart__label", x: 0, y: top + 14 }, d.title));
      series.forEach((one, index) => {
        const y = top + 20 + index * (bar + 4);
        const score = one.scores[d.id];
        figure.append(svg("rect", { class: "pk-chart__track", x: 84, y, width: 200, height: bar }));
        if (score !== null && score !== undefined) {
          figure.append(svg("rect", {
            class: `pk-chart__bar pk-chart__bar--${index % 4}`, x: 84, y, width: score * 2, height: bar,
          }));
        }
        figure.append(svg("text", { class: "pk-chart__key", x: 0, y: y + 12 }, short(one.short)));
        figure.append(svg("text", { class: "pk-chart__value", x: 288, y: y + 12 },
          score === null || score === undefined ? "–" : String(score)));
      });
    });
    return el("figure", {}, figure);
  }

  function short(name) {
    return name.length > 12 ? `${name.slice(0, 11)}…` : name;
  }

  function table(series, caption, withGap) {
    const head = el("tr", {}, el("th", { scope: "col" }, "Dimension"),
      ...series.map((one) => el("th", { scope: "col" }, one.name)));
    if (withGap) head.append(el("th", { scope: "col" }, "Écart"));
    const rows = dimensions.map((d) => {
      const cells = series.map((one) => one.scores[d.id]);
      const row = el("tr", {}, el("th", { scope: "row" }, d.title),
        ...cells.map((v) => el("td", {}, v === null ? "–" : String(v))));
      if (withGap) {
        row.append(el("td", {}, cells.some((v) => v === null) ? "–" : String(Math.abs(cells[0] - cells[1]))));
      }
      return row;
    });
    return el("table", { class: "pk-baro__table" }, el("caption", {}, caption),
      el("thead", {}, head), el("tbody", {}, ...rows));
  }

  function respondentName(r, fallback) {
    return r.respondent || fallback;
  }

  function show() {
    const answered = statements.filter((s) => s.id in state.answers).length;
    root.querySelector("#pk-baro-progress").value = answered;
    root.querySelector("[data-pk-progress]").textContent =
      `${answered} réponse${answered > 1 ? "s" : ""} sur ${statements.length}`;
    const mine = { name: respondentName(state, "Vous"), short: "Vous", scores: scores(state.answers), answers: state.answers };
    const other = state.imported[state.compare] || state.imported[state.imported.length - 1];
    const results = root.querySelector("[data-pk-results]");
    const gapsBox = root.querySelector("[data-pk-gaps]");
    results.replaceChildren();
    gapsBox.replaceChildren();
    if (!answered && !other) {
      results.append(el("p", {}, "Répondez à quelques énoncés : les scores s’affichent ici."));
    } else {
      const series = [mine];
      if (other) series.push({ name: respondentName(other, "Partenaire"), short: respondentName(other, "Partenaire"), scores: scores(other.answers), answers: other.answers });
      const caption = other ? `Score par dimension : vos réponses et celles de ${series[1].name}` : "Score par dimension : vos réponses";
      results.append(chart(series, caption), table(series, `${caption} (0 à 100)`, !!other));
      if (other) {
        const found = gaps(state.answers, other.answers);
        gapsBox.append(el("h3", { id: "ecarts" }, "Les plus grands écarts"));
        if (!found.length) {
          gapsBox.append(el("p", {}, "Aucun écart : sur chaque énoncé répondu par les deux, vous avez donné la même réponse."));
        } else {
          gapsBox.append(el("ol", { class: "pk-baro__gaps" }, ...found.map((g) => el("li", { "data-gap-statement": g.s.id },
            el("span", { class: "pk-baro__gap-text" }, g.s.text), " ",
            el("span", { class: "pk-baro__gap-answers" },
              `Vous : « ${g.s.labels[state.answers[g.s.id]]} » ; ${series[1].name} : « ${g.s.labels[other.answers[g.s.id]]} » `
              + `(écart de ${g.gap} niveau${g.gap > 1 ? "x" : ""})`)))));
        }
      }
    }
    sideBySide(mine, other);
    trend();
    imported();
    printHead();
  }

  // Every statement and open question, both answers in one table (a closed <details>),
  // and the open answers, printed with the summary.
  function sideBySide(mine, other) {
    const box = root.querySelector("[data-pk-side]");
    box.replaceChildren();
    const theirName = other ? respondentName(other, "Partenaire") : "";
    if (other) {
      const head = el("tr", {}, el("th", { scope: "col" }, "Énoncé"), el("th", { scope: "col" }, mine.name),
        el("th", { scope: "col" }, theirName));
      const rows = statements.map((s) => el("tr", {}, el("th", { scope: "row" }, s.text),
        el("td", {}, s.labels[state.answers[s.id]] || "–"), el("td", {}, s.labels[other.answers[s.id]] || "–")));
      box.append(el("details", { class: "pk-baro__all" }, el("summary", {}, "Toutes les réponses côte à côte"),
        el("table", { class: "pk-baro__table pk-baro__table--text" }, el("thead", {}, head), el("tbody", {}, ...rows))));
    }
    const written = questions.filter((q) => state.comments[q] || (other && other.comments[q]));
    if (!written.length) return;
    box.append(el("h3", { id: "reponses-ouvertes" }, "Réponses aux questions ouvertes"));
    for (const q of written) {
      const asked = root.querySelector(`label[for="q-${q}"]`).textContent.trim();
      const list = el("dl", { class: "pk-baro__open" }, el("dt", {}, mine.name), el("dd", {}, state.comments[q] || "–"));
      if (other) list.append(el("dt", {}, theirName), el("dd", {}, other.comments[q] || "–"));
      box.append(el("p", { class: "pk-baro__asked" }, asked), list);
    }
  }

  function trend() {
    const box = root.querySelector("[data-pk-trend]");
    box.replaceChildren();
    const today = new Date().toISOString().slice(0, 10);
    const all = [{ date: today, answers: state.answers }, ...state.imported];
    const byYear = new Map();
    for (const r of all) {
      if (!Object.keys(r.answers).length) continue;
      const year = r.date.slice(0, 4);
      byYear.set(year, [...(byYear.get(year) || []), scores(r.answers)]);
    }
    if (byYear.size < 2) return;
    const series = [...byYear.keys()].sort().map((year) => {
      const list = byYear.get(year);
      const avg = {};
      for (const d of dimensions) {
        const known = list.map((s) => s[d.id]).filter((v) => v !== null);
        avg[d.id] = known.length ? Math.round(known.reduce((a, b) => a + b, 0) / known.length) : null;
      }
      return { name: year, short: year, scores: avg };
    });
    box.append(el("h3", { id: "evolution" }, "Évolution d’une année à l’autre"),
      el("p", {}, "Moyenne des réponses de chaque année (les vôtres, datées d’aujourd’hui, et les fichiers importés)."),
      chart(series, "Score par dimension et par année"), table(series, "Score par dimension et par année (0 à 100)", false));
  }

  function imported() {
    const box = root.querySelector("[data-pk-imported]");
    box.replaceChildren();
    if (!state.imported.length) return;
    const list = el("fieldset", { class: "pk-baro__imported" }, el("legend", {}, "Fichiers importés : comparer vos réponses avec"));
    state.imported.forEach((r, index) => {
      const name = `${respondentName(r, "Sans nom")} (${r.partnership || "partenariat sans nom"}, ${frenchDate(r.date)})`;
      const remove = el("button", { type: "button", class: "md-button pk-baro__remove", "aria-label": `Retirer ${name}` }, "Retirer");
      remove.addEventListener("click", () => {
        state.imported.splice(index, 1);
        state.compare = Math.max(0, state.imported.length - 1);
        save();
        show();
        say(`Fichier retiré : ${name}.`);
      });
      const pick = el("input", { type: "radio", name: "pk-baro-compare", id: `pk-baro-compare-${index}` });
      pick.checked = index === Math.min(state.compare, state.imported.length - 1);
      pick.addEventListener("change", () => { state.compare = index; save(); show(); });
      list.append(el("div", { class: "pk-baro__imported-item" }, pick, el("label", { for: `pk-baro-compare-${index}` }, name), remove));
    });
    box.append(list);
  }

  function printHead() {
    root.querySelector('[data-pk-print="partnership"]').textContent = state.partnership || "Partenariat sans nom";
    root.querySelector('[data-pk-print="respondent"]').textContent = state.respondent || "répondant non nommé";
    root.querySelector('[data-pk-print="date"]').textContent =
      new Date().toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric" });
  }

  function frenchDate(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }

  function say(message) {
    status.textContent = message;
  }

  // --- files ---

  function exported() {
    return {
      format: FORMAT, format_version: FORMAT_VERSION, barometer: id, version,
      title: root.dataset.title, partnership: state.partnership, respondent: state.respondent,
      date: new Date().toISOString().slice(0, 10),
      answers: Object.fromEntries(statements.filter((s) => s.id in state.answers).map((s) => [s.id, state.answers[s.id]])),
      comments: Object.fromEntries(questions.filter((q) => q in state.comments).map((q) => [q, state.comments[q]])),
    };
  }

  function csv() {
    const quote = (v) => `"${String(v).replace(/"/g, '""')}"`;
    const data = exported();
    const lines = [["barometre", "version", "partenariat", "repondant", "date", "dimension", "enonce", "texte", "reponse", "libelle"]];
    for (const s of statements) {
      const answer = s.id in state.answers ? state.answers[s.id] : "";
      lines.push([id, version, data.partnership, data.respondent, data.date, s.dimension, s.id, s.text, answer, answer === "" ? "" : s.labels[answer]]);
    }
    return "\ufeff" + lines.map((l) => l.map(quote).join(",")).join("\r\n") + "\r\n";
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = el("a", { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function fileName(ext) {
    const who = (state.respondent || "reponses").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "reponses";
    return `barometre-${id}-${who}-${new Date().toISOString().slice(0, 10)}.${ext}`;
  }

  for (const button of root.querySelectorAll("[data-pk-export]")) {
    button.addEventListener("click", () => {
      if (button.dataset.pkExport === "csv") download(fileName("csv"), "text/csv;charset=utf-8", csv());
      else download(fileName("json"), "application/json", JSON.stringify(exported(), null, 2) + "\n");
      say("Fichier exporté : il est dans vos téléchargements. Envoyez-le à votre partenaire.");
    });
  }

  // Why a file is not an export of this questionnaire ("" when it is one).
  function check(data) {
    if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== FORMAT) {
      return "ce fichier n’est pas un export de baromètre.";
    }
    if (data.format_version !== FORMAT_VERSION) return "ce fichier vient d’une version du site que cette page ne lit pas.";
    if (data.barometer !== id) {
      return `ce fichier répond à un autre questionnaire (« ${text(data.title, 100) || text(data.barometer, 80)} »), pas à celui-ci.`;
    }
    if (data.version !== version) {
      return "ce fichier répond à une autre version de ce questionnaire (ses énoncés ont changé) : "
        + "les réponses ne se comparent pas énoncé par énoncé.";
    }
    if (typeof data.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(data.date)) return "la date du fichier est illisible.";
    for (const field of ["partnership", "respondent"]) {
      if (typeof data[field] !== "string" || data[field].length > 200) return "le nom du partenariat ou du répondant est illisible.";
    }
    if (!data.answers || typeof data.answers !== "object" || Array.isArray(data.answers)) return "le fichier ne contient pas de réponses.";
    for (const [sid, answer] of Object.entries(data.answers)) {
      if (!byId[sid]) return `le fichier répond à un énoncé inconnu (« ${sid.slice(0, 60)} »).`;
      if (!values.has(String(answer)) || (answer !== "nsp" && typeof answer !== "number")) {
        return `la réponse à l’énoncé « ${sid} » n’est pas un niveau de l’échelle.`;
      }
    }
    if (data.comments !== undefined && (typeof data.comments !== "object" || Array.isArray(data.comments)
        || Object.entries(data.comments).some(([q, c]) => !questions.includes(q) || typeof c !== "string" || c.length > MAX_TEXT))) {
      return "les réponses aux questions ouvertes sont illisibles.";
    }
    return "";
  }

  const picker = root.querySelector("[data-pk-import]");
  picker.addEventListener("change", async () => {
    const file = picker.files[0];
    picker.value = "";
    if (!file) return;
    const refuse = (why) => say(`Import refusé, rien n’a changé : ${why}`);
    if (file.size > MAX_IMPORT) return refuse(`le fichier est trop gros (${Math.ceil(file.size / 1024)} Ko ; un export en fait quelques-uns).`);
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch (error) {
      return refuse("ce fichier n’est pas un export de baromètre (ce n’est pas du JSON lisible).");
    }
    const why = check(data);
    if (why) return refuse(why);
    const response = {
      partnership: data.partnership, respondent: data.respondent, date: data.date,
      answers: answersOf(data.answers), comments: commentsOf(data.comments),
    };
    const same = state.imported.findIndex((r) => r.respondent === response.respondent && r.date === response.date);
    if (same >= 0) state.imported.splice(same, 1);
    state.imported.push(response);
    state.imported.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    state.compare = state.imported.indexOf(response);
    save();
    show();
    say(`Fichier importé : ${respondentName(response, "réponses sans nom")}, ${frenchDate(response.date)}. `
      + "La comparaison est dans « Résultats ».");
  });

  root.querySelector("[data-pk-erase]").addEventListener("click", () => {
    if (!window.confirm("Effacer vos réponses et les fichiers importés de ce navigateur ? Exportez-les d’abord pour les garder.")) return;
    localStorage.removeItem(key);
    state = blank();
    fill();
    show();
    say("Vos réponses ont été effacées de ce navigateur.");
  });

  root.querySelector("[data-pk-print-button]").addEventListener("click", () => window.print());

  for (const hidden of root.querySelectorAll("[data-pk-needs-script]")) hidden.hidden = false;
  fill();
  show();
  if (changed) {
    save();
    say("Ce questionnaire a changé depuis votre dernière visite : les fichiers importés ont été "
      + "retirés (importez les nouveaux exports) ; vos réponses aux énoncés restés sont gardées.");
  }
}

const root = document.querySelector("[data-pk-barometre]");
if (root) start(root);
