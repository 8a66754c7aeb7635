// A workshop's live screen (staff): pins arrive over /ws/workshop/<code>/ and appear on the map,
// in the list and in the tallies without a reload. The server sends the whole picture when the
// socket (re)connects and one event per change after that. Positions are cell centres only.

import { readJson } from "../../website/js/data.js";
import { createMap } from "../../website/js/map-base.js";

const root = document.querySelector("[data-workshop-live]");
const CLOSED_FOR_GOOD = new Set([4401, 4403, 4404]);
const COLOURS = { safe: "#00703c", unsafe: "#b10e1e" };


class LiveScreen {
  constructor(element) {
    this.element = element;
    this.code = element.dataset.code;
    this.list = element.querySelector("[data-pin-list]");
    this.announce = element.querySelector("[data-announce]");
    this.connection = element.querySelector("[data-connection]");
    this.markers = new Map();
    this.map = createMap(element.querySelector("[data-live-map]"), { zoom: 13 });
    this.layer = window.L.featureGroup().addTo(this.map);
    this.retry = 1000;
    this.render(readJson("workshop-snapshot"), false);
    this.connect();
  }

  connect() {
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${window.location.host}/ws/workshop/${this.code}/`);
    socket.addEventListener("open", () => {
      this.retry = 1000;
      this.connection.textContent = "Live: new pins appear here as they are sent.";
    });
    socket.addEventListener("message", (event) => this.handle(JSON.parse(event.data)));
    socket.addEventListener("close", (event) => {
      if (CLOSED_FOR_GOOD.has(event.code)) {
        this.connection.textContent = "Live updates stopped: you may have been signed out. Reload the page.";
        return;
      }
      this.connection.textContent = "Connection lost: trying again...";
      window.setTimeout(() => this.connect(), this.retry);
      this.retry = Math.min(this.retry * 2, 15000);
    });
  }

  handle(message) {
    if (message.type === "snapshot") this.render(message, true);
    else if (message.type === "pin") {
      this.addPin(message.pin, true);
      this.counts(message);
      this.say(`New pin: ${message.pin.feeling_label}${message.pin.reasons.length ? `, ${message.pin.reasons.join(", ")}` : ""}.`);
    } else if (message.type === "comment") this.comment(message.id, message.comment);
    else if (message.type === "removed") { this.removePin(message.id); this.counts(message); }
    else if (message.type === "status") this.status(message);
  }

  render(snapshot, fromSocket) {
    if (!snapshot) return;
    this.list.replaceChildren();
    this.layer.clearLayers();
    this.markers.clear();
    snapshot.pins.forEach((pin) => this.addPin(pin, false));
    this.counts(snapshot);
    if (fromSocket) this.status(snapshot);
    if (this.markers.size) this.map.fitBounds(this.layer.getBounds(), { padding: [30, 30], maxZoom: 15 });
  }

  addPin(pin, isNew) {
    if (this.markers.has(pin.id)) return;
    const marker = window.L.circleMarker([pin.lat, pin.lng], {
      radius: 10, weight: 2, color: "#0b0c0c", fillColor: COLOURS[pin.feeling] || "#505a5f", fillOpacity: 0.8,
      className: `live-pin live-pin--${pin.feeling}`,
    }).addTo(this.layer);
    marker.bindTooltip(`${pin.feeling_label}${pin.reasons.length ? `: ${pin.reasons.join(", ")}` : ""}`);
    this.markers.set(pin.id, marker);
    const item = document.createElement("li");
    item.className = `live-pin-item live-pin-item--${pin.feeling}`;
    item.dataset.livePin = pin.id;
    const feeling = document.createElement("strong");
    feeling.textContent = pin.feeling_label;
    item.append(feeling, `${pin.paper ? " (paper map)" : ""}${pin.reasons.length ? `: ${pin.reasons.join(", ")}` : ""}`);
    this.list.prepend(item);
    if (pin.comment) this.comment(pin.id, pin.comment);
    if (isNew && !this.map.getBounds().contains(marker.getLatLng())) this.map.panTo(marker.getLatLng());
  }

  removePin(id) {
    const marker = this.markers.get(id);
    if (marker) { marker.remove(); this.markers.delete(id); }
    const item = this.list.querySelector(`[data-live-pin="${CSS.escape(id)}"]`);
    if (item) item.remove();
  }

  comment(id, text) {
    const item = this.list.querySelector(`[data-live-pin="${CSS.escape(id)}"]`);
    if (!item) return;
    let quote = item.querySelector("q");
    if (!quote) { quote = document.createElement("q"); item.append(quote); }
    quote.textContent = text;
  }

  counts(figures) {
    const values = { participants: figures.participants, total: figures.total, paper: figures.paper, ...figures.feelings };
    for (const [name, value] of Object.entries(values)) {
      const element = this.element.querySelector(`[data-count="${name}"]`);
      if (element && value !== undefined) element.textContent = value;
    }
    const body = this.element.querySelector("[data-reasons]");
    const rows = (figures.reasons || []).map((reason) => {
      const row = document.createElement("tr");
      const label = document.createElement("th");
      label.scope = "row";
      label.textContent = reason.label;
      const feeling = document.createElement("td");
      feeling.textContent = reason.feeling;
      const count = document.createElement("td");
      count.textContent = reason.count;
      row.append(label, feeling, count);
      return row;
    });
    if (!rows.length) {
      const row = document.createElement("tr");
      const cell = document.createElement("td");
      cell.colSpan = 3;
      cell.textContent = "No reasons yet.";
      row.append(cell);
      rows.push(row);
    }
    body.replaceChildren(...rows);
  }

  status(message) {
    this.element.querySelector("[data-status]").textContent = message.status_label;
    const buttons = this.element.querySelector("[data-status-buttons]");
    if (buttons && message.status === "closed") buttons.hidden = true;
  }

  say(text) {
    this.announce.textContent = text;
  }
}

if (root) new LiveScreen(root);
