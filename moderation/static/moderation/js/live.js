// Live moderation for staff: queue events and safeguarding alerts over /ws/moderation/.
// Loaded on every admin page (wagtail_hooks.py); connects only for moderators and leads, who
// are the people the sidebar shows the moderation menu to. The server checks again on connect.
// An ES module: nothing global.

import { readJson } from "../../website/js/data.js";

const REFUSED = new Set([4401, 4403, 1008]);

function isModerationStaff() {
  if (document.querySelector("[data-moderation-live]")) return true;
  const sidebar = document.getElementById("wagtail-sidebar-props");
  return Boolean(sidebar && /"(moderation-queue|safeguarding-queue)"/.test(sidebar.textContent));
}

function liveRegion() {
  let region = document.querySelector("[data-moderation-live]");
  if (!region) {
    region = document.createElement("div");
    region.className = "moderation-live moderation-live--floating";
    region.setAttribute("data-moderation-live", "");
    const status = document.createElement("p");
    status.className = "moderation-live__status";
    status.setAttribute("data-live-status", "");
    status.setAttribute("role", "status");
    const alerts = document.createElement("div");
    alerts.className = "moderation-live__alerts";
    alerts.setAttribute("data-live-alerts", "");
    alerts.setAttribute("aria-live", "assertive");
    region.append(status, alerts);
    document.body.append(region);
  }
  return region;
}

function say(text) {
  const status = liveRegion().querySelector("[data-live-status]");
  status.textContent = text;
}

async function acknowledge(alert, element) {
  const config = readJson("wagtail-config", {});
  const headers = { [config.CSRF_HEADER_NAME || "X-CSRFToken"]: config.CSRF_TOKEN || "" };
  const body = new URLSearchParams({ next: window.location.pathname });
  const response = await fetch(alert.acknowledge_url, { method: "POST", headers, body, credentials: "same-origin" });
  if (response.ok) {
    element.remove();
    say("Alert acknowledged: no more reminders for it.");
  } else {
    say("Could not acknowledge the alert: open it and try again.");
  }
}

function showAlert(alert) {
  const container = liveRegion().querySelector("[data-live-alerts]");
  if (container.querySelector(`[data-alert-id="${alert.id}"]`)) return;
  const element = document.createElement("div");
  element.className = "moderation-alert";
  element.setAttribute("data-alert-id", String(alert.id));
  element.setAttribute("role", "alert");
  const text = document.createElement("p");
  const what = alert.labels.length ? alert.labels.join(", ") : "escalated by a moderator";
  const reminder = alert.sends > 1 ? ` (reminder ${alert.sends - 1})` : "";
  text.textContent = `Safeguarding alert${reminder}: a possible disclosure (${what}) needs a lead now. `;
  const link = document.createElement("a");
  link.href = alert.url;
  link.textContent = "Open it";
  text.append(link);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button-small";
  button.textContent = "Acknowledge";
  button.addEventListener("click", () => acknowledge(alert, element));
  element.append(text, button);
  container.prepend(element);
}

function updateRow(event) {
  const row = document.querySelector(`tr[data-item-id="${event.item.id}"]`);
  if (row) {
    row.setAttribute("data-item-status", event.item.status);
    row.classList.toggle("moderation-row--done", event.event === "decided" || event.event === "escalated");
    const claim = event.item.claimed_by ? `Claimed by ${event.item.claimed_by}` : "Open";
    row.setAttribute("title", event.event === "decided" ? `Now ${event.item.status_label}` : claim);
    if (event.event === "decided" || event.event === "escalated") {
      const box = row.querySelector('input[name="item"]');
      if (box) { box.checked = false; box.disabled = true; }
    }
    say(`A ${event.item.kind} in this list was ${event.event === "decided" ? event.item.status_label.toLowerCase() : event.event}.`);
    return;
  }
  const list = document.querySelector("[data-moderation-live]")?.getAttribute("data-queue");
  if (event.event === "new" && list === "general") {
    say(`A new ${event.item.kind} is waiting: reload the page to see it.`);
  } else if (event.event === "escalated" && list === "safeguarding") {
    say(`A possible disclosure (${event.item.kind}) is waiting: reload the page to see it.`);
  }
}

function connect(attempt = 0) {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${window.location.host}/ws/moderation/`);
  socket.addEventListener("open", () => { attempt = 0; document.documentElement.setAttribute("data-moderation-connected", ""); });
  socket.addEventListener("message", (message) => {
    const data = JSON.parse(message.data);
    if (data.type === "alerts") data.alerts.forEach(showAlert);
    else if (data.type === "alert") showAlert(data.alert);
    else if (data.type === "acknowledged") document.querySelector(`[data-alert-id="${data.alert}"]`)?.remove();
    else if (data.type === "queue") updateRow(data);
  });
  socket.addEventListener("close", (event) => {
    document.documentElement.removeAttribute("data-moderation-connected");
    if (REFUSED.has(event.code)) return;
    const delay = Math.min(30000, 1000 * 2 ** attempt);
    window.setTimeout(() => connect(attempt + 1), delay);
  });
}

if (isModerationStaff()) connect();
