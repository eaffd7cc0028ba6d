// Live pages without a framework: counts deadlines down every second, and every N seconds
// refetches the page and swaps in the fresh [data-live] block (forms outside it are untouched).
(function () {
  // The words come from the page (data-hms, data-overdue on <html>), in the reader's language.
  var root = document.documentElement;
  var hms = root.getAttribute("data-hms") || "{0}h {1}m {2}s", overdue = root.getAttribute("data-overdue") || "overdue {0}";
  function fmt(ms) {
    var s = Math.round(Math.abs(ms) / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var text = hms.replace("{0}", h).replace("{1}", String(m).padStart(2, "0")).replace("{2}", String(sec).padStart(2, "0"));
    return ms < 0 ? overdue.replace("{0}", text) : text;
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
