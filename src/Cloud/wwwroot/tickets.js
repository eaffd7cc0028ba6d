// Counts the time left down every second between the page's 10-second refreshes.
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
  tick();
  setInterval(tick, 1000);
  setTimeout(function () { location.reload(); }, 10000);
})();
