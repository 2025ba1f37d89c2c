// The queue page's keyboard and "N new" notice. Vendored with the package; the page works without it.
(function () {
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var current = -1;

  function focusCard(index) {
    if (!cards.length) { return; }
    current = Math.max(0, Math.min(cards.length - 1, index));
    cards.forEach(function (card, i) { card.classList.toggle("current", i === current); });
    cards[current].focus();
    cards[current].scrollIntoView({ block: "nearest" });
  }

  function typing(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function press(selector) {
    if (current < 0) { focusCard(0); }
    var card = cards[current];
    var button = card && card.querySelector(selector);
    if (button) { button.click(); }
  }

  var dialog = document.getElementById("keys");
  var keysButton = document.getElementById("keys-button");
  function toggleKeys() {
    if (!dialog || typeof dialog.showModal !== "function") { return; }
    if (dialog.open) { dialog.close(); } else { dialog.showModal(); }
  }
  if (keysButton) {
    keysButton.hidden = false;
    keysButton.addEventListener("click", toggleKeys);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    if (dialog && dialog.open && event.key !== "?") { return; }
    var handled = true;
    switch (event.key) {
      case "j": focusCard(current + 1); break;
      case "k": focusCard(current - 1); break;
      case "a": press("button.approve"); break;
      case "s": press("button.spam"); break;
      case "d": {
        if (current < 0) { focusCard(0); }
        var details = cards[current] && cards[current].querySelector("details.reject");
        if (details) { details.open = true; details.querySelector("select").focus(); }
        break;
      }
      case "x": {
        if (current < 0) { focusCard(0); }
        var pick = cards[current] && cards[current].querySelector("input.pick");
        if (pick) { pick.checked = !pick.checked; }
        break;
      }
      case "z": {
        var undo = document.getElementById("undo");
        if (undo) { undo.requestSubmit(); }
        break;
      }
      case "/": {
        var search = document.getElementById("search");
        var box = search && search.closest("details");
        if (box) { box.open = true; }
        if (search) { search.focus(); }
        break;
      }
      case "?": toggleKeys(); break;
      default: handled = false;
    }
    if (handled) { event.preventDefault(); }
  });

  var focus = /^#focus-(\d+)$/.exec(window.location.hash);
  if (focus && cards.length) { focusCard(parseInt(focus[1], 10)); }

  // New comments are announced, never pushed under the moderator's cursor: the page reloads on request only.
  var live = document.getElementById("live");
  if (live && live.dataset.newUrl && window.fetch) {
    var poll = function () {
      var url = live.dataset.newUrl + (live.dataset.newUrl.indexOf("?") < 0 ? "?" : "&") +
        "since=" + encodeURIComponent(live.dataset.since);
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (answer) { return answer.ok ? answer.json() : null; })
        .then(function (body) {
          if (!body || !body.new) { return; }
          var text = live.dataset.newText.replace("{n}", String(body.new));
          var link = live.querySelector("a");
          if (!link) {
            link = document.createElement("a");
            link.href = window.location.pathname + window.location.search;
            live.appendChild(link);
          }
          if (link.textContent !== text) { link.textContent = text; }
        })
        .catch(function () { /* the next poll tries again */ });
    };
    window.setInterval(poll, Number(live.dataset.pollMs || 15000));
    if (live.dataset.pollMs) { poll(); }
  }
})();
