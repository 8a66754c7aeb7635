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

// Alerts are one summary, not a box each: a single sentence read out when one arrives (with its
// time), and a folded list with the time, what was found, a link and an acknowledge button for
// each, so nothing stacks over the page's own form fields.
function alertsSummary() {
  const details = document.createElement("details");
  details.className = "moderation-alerts";
  details.setAttribute("data-live-alerts", "");
  details.hidden = true;
  const summary = document.createElement("summary");
  summary.setAttribute("data-alerts-summary", "");
  const list = document.createElement("ol");
  list.className = "moderation-alerts__list";
  details.append(summary, list);
  return details;
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
    region.append(status);
    document.body.append(region);
  }
  if (!region.querySelector("[data-live-alerts]")) {
    const announce = document.createElement("p");
    announce.className = "moderation-live__announce";
    announce.setAttribute("data-live-announce", "");
    announce.setAttribute("role", "alert");
    region.append(announce, alertsSummary());
  }
  return region;
}

function say(text) {
  const status = liveRegion().querySelector("[data-live-status]");
  status.textContent = text;
}

function clock(iso) {
  return new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

function describe(alert) {
  const what = alert.labels.length ? alert.labels.join(", ") : "escalated by a moderator";
  const reminder = alert.sends > 1 ? `, reminder ${alert.sends - 1}` : "";
  return `a possible disclosure (${what}${reminder})`;
}

function refreshSummary() {
  const region = liveRegion();
  const details = region.querySelector("[data-live-alerts]");
  const items = details.querySelectorAll("[data-alert-id]");
  details.hidden = items.length === 0;
  if (!items.length) {
    region.querySelector("[data-live-announce]").textContent = "";
    return;
  }
  const newest = items[0].querySelector("time").textContent;
  const count = items.length === 1 ? "1 safeguarding alert" : `${items.length} safeguarding alerts`;
  details.querySelector("[data-alerts-summary]").textContent = `${count} waiting for a lead (newest ${newest})`;
}

async function acknowledge(alert, element) {
  const config = readJson("wagtail-config", {});
  const headers = { [config.CSRF_HEADER_NAME || "X-CSRFToken"]: config.CSRF_TOKEN || "" };
  const body = new URLSearchParams({ next: window.location.pathname });
  const response = await fetch(alert.acknowledge_url, { method: "POST", headers, body, credentials: "same-origin" });
  if (response.ok) {
    element.remove();
    refreshSummary();
    say("Alert acknowledged: no more reminders for it.");
  } else {
    say("Could not acknowledge the alert: open it and try again.");
  }
}

function showAlert(alert) {
  const region = liveRegion();
  const list = region.querySelector("[data-live-alerts] ol");
  list.querySelector(`[data-alert-id="${alert.id}"]`)?.remove();  // a reminder replaces it
  const item = document.createElement("li");
  item.className = "moderation-alerts__item";
  item.setAttribute("data-alert-id", String(alert.id));
  const time = document.createElement("time");
  time.dateTime = alert.raised_at;
  time.textContent = clock(alert.raised_at);
  const link = document.createElement("a");
  link.href = alert.url;
  link.textContent = "Open it";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button-small";
  button.textContent = "Acknowledge";
  button.addEventListener("click", () => acknowledge(alert, item));
  item.append(time, ` ${describe(alert)}. `, link, " ", button);
  list.prepend(item);
  refreshSummary();
  region.querySelector("[data-live-announce]").textContent =
    `Safeguarding alert at ${time.textContent}: ${describe(alert)} needs a lead now.`;
}

function forget(alertId) {
  document.querySelector(`[data-live-alerts] [data-alert-id="${alertId}"]`)?.remove();
  refreshSummary();
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
  socket.addEventListener("open", () => {
    attempt = 0;
    liveRegion();  // the alert sentence's live region exists before the first alert fills it
    document.documentElement.setAttribute("data-moderation-connected", "");
  });
  socket.addEventListener("message", (message) => {
    const data = JSON.parse(message.data);
    if (data.type === "alerts") data.alerts.forEach(showAlert);
    else if (data.type === "alert") showAlert(data.alert);
    else if (data.type === "acknowledged") forget(data.alert);
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
