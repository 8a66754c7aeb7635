// New reports about places, live, for Contextual safeguarding coordinators over /ws/concerns/.
// Loaded on every admin page (wagtail_hooks.py) but connects only where the coordinators' live
// region is (their queue, rendered for them only); the server checks the permission again.
// An ES module: nothing global.

const REFUSED = new Set([4401, 4403, 1008]);

function connect(region, delay = 1000) {
  const status = region.querySelector("[data-concerns-status]");
  const list = region.querySelector("[data-concerns-new]");
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${window.location.host}/ws/concerns/`);
  socket.addEventListener("open", () => {
    region.dataset.connected = "true";
    status.textContent = "New reports will appear here as they arrive.";
  });
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(event.data);
    if (message.type !== "report") return;
    const report = message.report;
    if (list.querySelector(`[data-report-id="${report.id}"]`)) return;
    const item = document.createElement("li");
    item.dataset.reportId = report.id;
    const link = document.createElement("a");
    link.href = report.url;
    link.textContent = `${report.place_type}, from ${report.reporter.toLowerCase()}`;
    item.append("New report: ", link, ` (received ${report.received})`);
    list.prepend(item);
    status.textContent = `A new report arrived: ${report.place_type}.`;
  });
  socket.addEventListener("close", (event) => {
    delete region.dataset.connected;
    if (REFUSED.has(event.code)) {
      status.textContent = "Live updates stopped: reload the page to sign in again.";
      return;
    }
    window.setTimeout(() => connect(region, Math.min(delay * 2, 30000)), delay);
  });
}

const region = document.querySelector("[data-concerns-live]");
if (region) connect(region);
