// The technician's job page: location check-in and the customer's signature pad.
(function () {
  document.querySelectorAll("form[data-geolocate]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (form.dataset.located || !navigator.geolocation) { return; }
      e.preventDefault();
      var send = function () { form.dataset.located = "1"; form.submit(); };
      navigator.geolocation.getCurrentPosition(function (p) {
        form.querySelector("[name=latitude]").value = p.coords.latitude;
        form.querySelector("[name=longitude]").value = p.coords.longitude;
        send();
      }, send, { enableHighAccuracy: true, timeout: 8000, maximumAge: 60000 });
    });
  });

  document.querySelectorAll("form[data-signature]").forEach(function (form) {
    var pad = form.querySelector("canvas"), ctx = pad.getContext("2d"), drawing = false, strokes = 0, last = null;
    ctx.lineWidth = 3; ctx.lineCap = "round"; ctx.lineJoin = "round"; ctx.strokeStyle = "#14213d";
    function at(e) {
      var r = pad.getBoundingClientRect();
      return { x: (e.clientX - r.left) * pad.width / r.width, y: (e.clientY - r.top) * pad.height / r.height };
    }
    pad.addEventListener("pointerdown", function (e) { drawing = true; last = at(e); pad.setPointerCapture(e.pointerId); e.preventDefault(); });
    pad.addEventListener("pointermove", function (e) {
      if (!drawing) { return; }
      var p = at(e);
      ctx.beginPath(); ctx.moveTo(last.x, last.y); ctx.lineTo(p.x, p.y); ctx.stroke();
      last = p; strokes++;
    });
    ["pointerup", "pointercancel"].forEach(function (n) { pad.addEventListener(n, function () { drawing = false; }); });
    form.querySelector("[data-clear]").addEventListener("click", function () { ctx.clearRect(0, 0, pad.width, pad.height); strokes = 0; });
    form.addEventListener("submit", function (e) {
      if (strokes < 5) { e.preventDefault(); alert("Please sign in the box first."); return; }
      // A white background so the signature prints on the PDF as drawn.
      var flat = document.createElement("canvas"); flat.width = pad.width; flat.height = pad.height;
      var f = flat.getContext("2d"); f.fillStyle = "#fff"; f.fillRect(0, 0, flat.width, flat.height); f.drawImage(pad, 0, 0);
      form.querySelector("[name=png]").value = flat.toDataURL("image/png");
    });
  });
})();
