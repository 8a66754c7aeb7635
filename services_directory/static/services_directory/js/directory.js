// The directory's results and service pages: the map twin of the list, and "save to my list".
// An ES module: data arrives through json_script elements, never inline scripts.

import { createMap } from "../../website/js/map-base.js";
import * as savedList from "./saved-list.js";

function readJSON(id) {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent) : null;
}

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

function popupContent(marker) {
  // Built from DOM nodes so no text from the database is ever parsed as HTML.
  const box = document.createElement("div");
  const title = document.createElement("p");
  const strong = document.createElement("strong");
  strong.textContent = marker.name;
  title.appendChild(strong);
  const where = document.createElement("p");
  where.textContent = marker.location;
  box.append(title, where);
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
  box.appendChild(link);
  return box;
}

function drawMap() {
  const element = document.getElementById("results-map");
  const markers = readJSON("directory-markers") || [];
  if (!element || !markers.length || !window.L) return;
  element.hidden = false;
  const map = createMap(element);
  const layer = window.L.featureGroup();
  for (const marker of markers) {
    window.L.marker([marker.lat, marker.lng], {
      title: marker.name,
      alt: `${marker.name}, ${marker.location}`,
      keyboard: true,
    })
      .bindPopup(() => popupContent(marker))
      .on("popupopen", (event) => {
        // Keyboard users land on the popup's link, the way to the same entry in the list.
        const link = event.popup.getElement().querySelector(".leaflet-popup-content a");
        if (link) link.focus();
      })
      .addTo(layer);
  }
  layer.addTo(map);
  if (markers.length === 1) {
    map.setView([markers[0].lat, markers[0].lng], 15);
  } else {
    // Room above each pin for its icon, which stands on the point.
    map.fitBounds(layer.getBounds(), { paddingTopLeft: [24, 48], paddingBottomRight: [24, 12], maxZoom: 15 });
  }
}

function labelFor(button, saved) {
  button.querySelector("[data-verb]").textContent = saved ? "Remove" : "Save";
  button.querySelector("[data-prep]").textContent = saved ? "from" : "to";
  button.classList.toggle("is-saved", saved);
}

function wireSaveButtons() {
  const entries = readJSON("directory-saved-entries") || {};
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
drawMap();
