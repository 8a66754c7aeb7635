// The directory's results and service pages: the map twin of the list, and "save to my list".
// An ES module: data arrives through json_script elements, never inline scripts.

import { readJson } from "../../website/js/data.js";
import { createMap } from "../../website/js/map-base.js";
import * as savedList from "./saved-list.js";


function announce(message) {
  let region = document.getElementById("directory-status");
  if (!region) {
    region = document.createElement("p");
    region.id = "directory-status";
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    document.querySelector("main").appendChild(region);
  }
  region.textContent = message;
}

// Pins are round, PIN pixels wide; pins whose centres would be closer than GAP pixels at the
// current zoom are drawn as one numbered pin, so no pin covers another (WCAG 2.5.8 target size).
const PIN = 28;
const GAP = 40;

function entryLink(marker) {
  const entry = document.getElementById(`result-${marker.slug}`);
  const link = document.createElement("a");
  if (entry && entry.classList.contains("result")) {
    link.href = `#result-${marker.slug}`;
    link.textContent = `Go to ${marker.name} in the list`;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      entry.classList.add("is-highlighted");
      entry.scrollIntoView({ block: "center" });
      entry.focus();
      history.replaceState(null, "", `#result-${marker.slug}`);
    });
  } else {
    link.href = marker.url;
    link.textContent = `Open ${marker.name}`;
  }
  return link;
}

function popupContent(members) {
  // Built from DOM nodes so no text from the database is ever parsed as HTML.
  const list = document.createElement("ul");
  list.className = "map-popup";
  for (const marker of members) {
    const item = document.createElement("li");
    const where = document.createElement("span");
    where.textContent = marker.location;
    item.append(entryLink(marker), document.createElement("br"), where);
    list.appendChild(item);
  }
  return list;
}

function pinIcon(label, count) {
  const pin = document.createElement("span");
  pin.className = count > 1 ? "map-pin map-pin--group" : "map-pin";
  if (count > 1) {
    const number = document.createElement("span");
    number.setAttribute("aria-hidden", "true");
    number.textContent = String(count);
    pin.appendChild(number);
  }
  const name = document.createElement("span");
  name.className = "visually-hidden";
  name.textContent = label;
  pin.appendChild(name);
  return window.L.divIcon({
    html: pin,
    className: "map-pin-wrapper",
    iconSize: [PIN, PIN],
    iconAnchor: [PIN / 2, PIN / 2],
    popupAnchor: [0, -PIN / 2],
  });
}

function groupsAtThisZoom(map, markers) {
  const groups = [];
  for (const marker of markers) {
    const point = map.latLngToLayerPoint([marker.lat, marker.lng]);
    const near = groups.find((group) => group.point.distanceTo(point) < GAP);
    if (near) near.members.push(marker);
    else groups.push({ point, members: [marker] });
  }
  return groups;
}

function drawPins(map, layer, markers) {
  layer.clearLayers();
  for (const { members } of groupsAtThisZoom(map, markers)) {
    const first = members[0];
    const label =
      members.length === 1
        ? `${first.name}, ${first.location}`
        : `${members.length} places here: ${members.map((m) => m.name).join(", ")}`;
    window.L.marker([first.lat, first.lng], { icon: pinIcon(label, members.length), title: label, keyboard: true })
      .bindPopup(() => popupContent(members))
      .on("popupopen", (event) => {
        // Keyboard users land on the popup's first link: the way to the same entry in the list.
        const link = event.popup.getElement().querySelector(".leaflet-popup-content a");
        if (link) link.focus();
      })
      .addTo(layer);
  }
}

function drawMap() {
  const element = document.getElementById("results-map");
  const markers = readJson("directory-markers", []);
  if (!element || !markers.length || !window.L) return;
  element.hidden = false;
  const map = createMap(element);
  const bounds = window.L.latLngBounds(markers.map((m) => [m.lat, m.lng]));
  if (markers.length === 1) {
    map.setView(bounds.getCenter(), 15);
  } else {
    map.fitBounds(bounds, { padding: [PIN, PIN], maxZoom: 15 });
  }
  const layer = window.L.layerGroup().addTo(map);
  drawPins(map, layer, markers);
  map.on("zoomend", () => drawPins(map, layer, markers));
}

function loadLeaflet(src) {
  if (window.L) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.appendChild(script);
  });
}

// The results page names Leaflet in data-leaflet instead of loading it: Leaflet is fetched,
// parsed and drawn only when the map is about to scroll into view, so a phone's first seconds
// go to the list. A service page loads Leaflet itself (deferred) and draws at once.
function drawMapWhenNear() {
  const element = document.getElementById("results-map");
  if (!element || !readJson("directory-markers", []).length) return;
  const src = element.dataset.leaflet;
  if (!src) {
    drawMap();
    return;
  }
  // Shown now, empty, so the list below keeps its place when the map appears.
  element.hidden = false;
  const start = () => loadLeaflet(src).then(drawMap, () => { element.hidden = true; });
  if (!("IntersectionObserver" in window)) {
    start();
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      start();
    }
  }, { rootMargin: "200px 0px" });
  observer.observe(element);
}

function labelFor(button, saved) {
  button.querySelector("[data-verb]").textContent = saved ? "Remove" : "Save";
  button.querySelector("[data-prep]").textContent = saved ? "from" : "to";
  button.classList.toggle("is-saved", saved);
}

function wireSaveButtons() {
  const entries = readJson("directory-saved-entries", {});
  document.querySelectorAll("button[data-save]").forEach((button) => {
    const slug = button.dataset.save;
    const entry = entries[slug];
    if (!entry) return;
    labelFor(button, savedList.has(slug));
    button.hidden = false;
    button.addEventListener("click", () => {
      if (savedList.has(slug)) {
        savedList.remove(slug);
        labelFor(button, false);
        announce(`${entry.name} removed from your list.`);
      } else if (savedList.add(entry)) {
        labelFor(button, true);
        announce(`${entry.name} saved to your list. ${savedList.load().length} saved.`);
      } else {
        announce("This browser would not save your list. You can print this page instead.");
      }
      savedList.showCount();
    });
  });
  savedList.showCount();
}

const summary = document.querySelector("[data-error-summary]");
if (summary) summary.focus();
wireSaveButtons();
drawMapWhenNear();
