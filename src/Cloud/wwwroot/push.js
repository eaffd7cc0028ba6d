// "Notify me on this phone": registers the service worker and hands its push subscription to the service.
(function () {
  var button = document.querySelector("[data-push-subscribe]");
  if (!button) { return; }
  var status = document.querySelector("[data-push-status]");
  var say = function (text) { if (status) { status.textContent = text; } };
  if (!("serviceWorker" in navigator) || !("PushManager" in window)) {
    button.disabled = true;
    say("This browser cannot receive push messages; job notices come by the other channels.");
    return;
  }
  var key = function (base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  };
  button.addEventListener("click", async function () {
    try {
      var answer = await fetch("/api/v1/push/key", { credentials: "same-origin" });
      if (!answer.ok) { say("Push is not set up on the server."); return; }
      var publicKey = (await answer.json()).publicKey;
      var registration = await navigator.serviceWorker.register("/sw.js");
      var subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key(publicKey) });
      var saved = await fetch("/api/v1/push/subscribe", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "RequestVerificationToken": button.dataset.token || "" },
        body: JSON.stringify(subscription.toJSON()),
      });
      say(saved.ok ? "This phone will be notified of new jobs." : "The server refused the subscription.");
    } catch (e) {
      say("Push could not be turned on: " + e.message);
    }
  });
})();
