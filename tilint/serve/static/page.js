// The page at /: check a note as it is typed, show findings, apply suggestions.
// Everything the server returns is put into the page as text (textContent, text nodes),
// never parsed as HTML. No request goes anywhere but this server.
"use strict";

(function () {
  const DEBOUNCE_MS = 250;
  const note = document.getElementById("note");
  const kind = document.getElementById("kind");
  const highlights = document.getElementById("highlights");
  const backdrop = highlights.parentElement;
  const list = document.getElementById("findings");
  const empty = document.getElementById("empty");
  const status = document.getElementById("status");

  let rules = new Map(); // code -> rule (why, principles, url)
  let findings = []; // the last answer, with UTF-16 positions added
  let checkedText = null; // the text those findings belong to
  let timer = 0;
  let sequence = 0;
  let inFlight = null;

  function say(text) {
    status.textContent = text;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The API counts code points; the textarea counts UTF-16 units.
  function utf16Offsets(text, points) {
    const wanted = Array.from(new Set(points)).sort((a, b) => a - b);
    const out = new Map();
    let cp = 0;
    let unit = 0;
    let i = 0;
    while (i < wanted.length) {
      if (cp === wanted[i]) {
        out.set(cp, unit);
        i += 1;
        continue;
      }
      if (unit >= text.length) break;
      const code = text.codePointAt(unit);
      unit += code > 0xffff ? 2 : 1;
      cp += 1;
    }
    for (; i < wanted.length; i += 1) out.set(wanted[i], text.length);
    return out;
  }

  async function loadRules() {
    try {
      const response = await fetch("/api/rules", { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      for (const rule of await response.json()) rules.set(rule.code, rule);
      if (findings.length) renderList();
    } catch (error) {
      // The findings still show; only the "why" is missing.
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  }

  async function check() {
    const text = note.value;
    const mine = ++sequence;
    if (inFlight) inFlight.abort();
    if (!text.trim()) {
      show(text, []);
      say("");
      return;
    }
    inFlight = new AbortController();
    say("Checking…");
    try {
      const response = await fetch("/api/check", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ text: text, kind: kind.value }),
        signal: inFlight.signal,
      });
      const answer = await response.json();
      if (mine !== sequence) return; // a newer check is on its way
      if (!response.ok) {
        say(String(answer.error || "The check failed."));
        return;
      }
      show(text, answer.findings);
    } catch (error) {
      if (error && error.name === "AbortError") return;
      if (mine === sequence) say("The server did not answer. Is tilint serve still running?");
    }
  }

  function show(text, found) {
    const points = [];
    for (const f of found) points.push(f.start, f.end);
    const map = utf16Offsets(text, points);
    findings = found.map((f) => Object.assign({}, f, { from: map.get(f.start), to: map.get(f.end) }));
    checkedText = text;
    renderHighlights();
    renderList();
    const n = findings.length;
    say(n === 0 ? "Nothing flagged." : n === 1 ? "1 finding." : n + " findings.");
  }

  function renderHighlights() {
    const text = note.value;
    const fragment = document.createDocumentFragment();
    let at = 0;
    if (text === checkedText) {
      for (const [i, f] of findings.entries()) {
        if (f.from < at) continue; // overlapping findings: the first one is drawn
        fragment.appendChild(document.createTextNode(text.slice(at, f.from)));
        const mark = el("mark", f.category, text.slice(f.from, f.to));
        mark.dataset.index = String(i);
        fragment.appendChild(mark);
        at = f.to;
      }
    }
    // A final line break needs something after it to take up its line.
    fragment.appendChild(document.createTextNode(text.slice(at) + "\n "));
    highlights.replaceChildren(fragment);
    syncScroll();
  }

  function renderList() {
    const items = findings.map((f, i) => renderFinding(f, i));
    list.replaceChildren(...items);
    empty.hidden = findings.length > 0;
  }

  function renderFinding(f, index) {
    const item = el("li", "finding " + f.category);
    item.id = "finding-" + index;
    const head = el("div", "head");
    head.append(el("span", "code", f.rule + " " + f.name), el("span", "flagged", "“" + f.text + "”"));
    const where = el("button", "where", "Show in note");
    where.type = "button";
    where.setAttribute("aria-label", "Show “" + f.text + "” in the note");
    where.addEventListener("click", () => select(index));
    head.append(where);
    item.append(head, el("p", "message", f.message));
    const replacements = f.suggestions.filter((s) => isReplacement(f, s));
    if (replacements.length) {
      const fixes = el("div", "fixes");
      fixes.setAttribute("role", "group");
      fixes.setAttribute("aria-label", "Replace “" + f.text + "” with");
      for (const s of replacements) {
        const button = el("button", s.safe ? "safe" : "", s.text);
        button.type = "button";
        button.title = "Replace “" + f.text + "” with “" + s.text + "”";
        button.addEventListener("click", () => apply(index, s.text));
        fixes.append(button);
      }
      item.append(fixes);
    }
    for (const s of f.suggestions.filter((s) => !isReplacement(f, s))) item.append(el("p", "advice", s.text));
    const rule = rules.get(f.rule);
    if (rule) {
      const details = el("details");
      details.append(el("summary", "", "Why"), el("p", "why", rule.why));
      if (rule.principles && rule.principles.length) {
        details.append(el("p", "principles-label", "Principles"));
        const principles = el("ul", "principles");
        for (const principle of rule.principles) principles.append(el("li", "", principle));
        details.append(principles);
      }
      item.append(details);
    }
    return item;
  }

  // The JSON report marks no kind; advice is what the rule's own suggestion list
  // describes as a rephrasing (it never stands where the phrase stands).
  function isReplacement(f, s) {
    if (typeof s.kind === "string") return s.kind === "replace";
    const rule = rules.get(f.rule);
    if (rule && Array.isArray(rule.suggestions)) return !rule.suggestions.includes(s.text);
    return s.text.split(/\s+/).length <= 8 && !/[.!?]$/.test(s.text);
  }

  function select(index) {
    const f = findings[index];
    if (!f || note.value !== checkedText) return;
    note.focus();
    note.setSelectionRange(f.from, f.to);
    markCurrent(index);
  }

  function markCurrent(index) {
    for (const node of list.querySelectorAll(".current")) node.classList.remove("current");
    for (const node of highlights.querySelectorAll("mark.current")) node.classList.remove("current");
    if (index < 0) return;
    const item = document.getElementById("finding-" + index);
    if (item) {
      item.classList.add("current");
      item.scrollIntoView({ block: "nearest" });
    }
    const mark = highlights.querySelector('mark[data-index="' + index + '"]');
    if (mark) mark.classList.add("current");
  }

  function apply(index, replacement) {
    const f = findings[index];
    if (!f || note.value !== checkedText || note.value.slice(f.from, f.to) !== f.text) {
      say("The note changed; checking again.");
      check();
      return;
    }
    note.focus();
    note.setSelectionRange(f.from, f.to);
    // insertText keeps the browser's undo history; setRangeText where it is missing.
    if (!document.execCommand || !document.execCommand("insertText", false, replacement)) {
      note.setRangeText(replacement, f.from, f.to, "end");
    }
    say("Replaced “" + f.text + "” with “" + replacement + "”.");
    clearTimeout(timer);
    check();
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(note.value);
      say("Copied the revised text.");
    } catch (error) {
      note.focus();
      note.select();
      say(document.execCommand("copy") ? "Copied the revised text." : "Select the text and copy it with Ctrl+C.");
    }
  }

  function syncScroll() {
    backdrop.scrollTop = note.scrollTop;
    backdrop.scrollLeft = note.scrollLeft;
  }

  function caretMoved() {
    const at = note.selectionStart;
    if (note.value !== checkedText) return;
    const index = findings.findIndex((f) => f.from <= at && at <= f.to);
    markCurrent(index);
  }

  note.addEventListener("input", () => {
    renderHighlights(); // marks hide until the new answer arrives
    schedule();
  });
  note.addEventListener("scroll", syncScroll);
  note.addEventListener("click", caretMoved);
  note.addEventListener("keyup", caretMoved);
  kind.addEventListener("change", check);
  document.getElementById("copy").addEventListener("click", copy);
  document.getElementById("clear").addEventListener("click", () => {
    note.value = "";
    check();
    note.focus();
  });
  loadRules();
  if (note.value) check();
})();
