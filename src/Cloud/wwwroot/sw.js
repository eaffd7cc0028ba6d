// Service worker of the technician's phone page: shows a pushed job notice and opens its link when tapped.
self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = { body: event.data ? event.data.text() : "" }; }
  event.waitUntil(self.registration.showNotification(data.title || "AfterSales", {
    body: data.body || "",
    data: { url: data.url || "/jobs" },
    tag: data.url || "aftersales",
    requireInteraction: true,
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  // The link goes through /n/{token}, which records that the notice was opened.
  event.waitUntil(self.clients.openWindow(event.notification.data.url));
});
