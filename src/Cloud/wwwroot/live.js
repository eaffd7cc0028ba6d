// Live pages without a framework: counts deadlines down every second, and every N seconds
// refetches the page and swaps in the fresh [data-live] block (forms outside it are untouched).
(function () {
  function fmt(ms) {
    var s = Math.round(Math.abs(ms) / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var text = h + "h " + String(m).padStart(2, "0") + "m " + String(sec).padStart(2, "0") + "s";
    return ms < 0 ? "overdue " + text : text;
  }
  function tick() {
    document.querySelectorAll("[data-due]").forEach(function (el) {
      el.textContent = fmt(Number(el.getAttribute("data-due")) - Date.now());
    });
  }
  function refresh(block) {
    fetch(location.href, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live]");
        if (fresh) { block.innerHTML = fresh.innerHTML; tick(); }
      })
      .catch(function () { /* offline for a moment: keep what is shown */ });
  }
  document.querySelectorAll("[data-live]").forEach(function (block) {
    setInterval(function () { refresh(block); }, Number(block.getAttribute("data-live")) * 1000);
  });
  tick();
  setInterval(tick, 1000);
})();
