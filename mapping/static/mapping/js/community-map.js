// The public community map: hexagons from the page's json_script data (the same cells as the
// table twin and the GeoJSON API), filled with each band's colour and pattern, and the table's
// "Show on map" buttons. Without JavaScript the page still has the table, legend and summary.
import { readJson } from "../../website/js/data.js";
import { createMap } from "../../website/js/map-base.js";
import { enhanceSortableTables } from "./sortable-table.js";


const data = readJson("community-map-data");
const bands = Object.fromEntries(readJson("community-map-bands", []).map((b) => [b.key, b]));
const status = document.querySelector("[data-map-status]");
const announce = (text) => {
  if (status) status.textContent = text;
};

enhanceSortableTables(document, { announce });

function styleFor(feature) {
  const band = bands[feature.properties.band] || {};
  const coarse = feature.properties.resolution < 8;
  return {
    color: "#0b0c0c",
    weight: coarse ? 2 : 1,
    dashArray: coarse ? "6 4" : null,
    fillColor: band.colour || "#f7f7f7",
    fillOpacity: coarse ? 0.45 : 0.7,
  };
}

function applyPattern(layer, feature) {
  const path = layer.getElement && layer.getElement();
  if (path) path.setAttribute("fill", `url(#cm-fill-${feature.properties.band})`);
}

function popupFor(properties) {
  const box = document.createElement("div");
  const heading = document.createElement("p");
  heading.className = "cm-popup__title";
  heading.textContent = properties.place;
  box.appendChild(heading);
  const band = bands[properties.band];
  const lines = [
    band ? `${band.label}: ${band.words}.` : "",
    `Said unsafe: ${properties.unsafe_text}. Said safe: ${properties.safe_text}. People: ${properties.total}.`,
  ];
  if (properties.reasons.length) {
    lines.push("Top reasons: " + properties.reasons.map((r) => `${r.label} (${r.count})`).join("; ") + ".");
  }
  lines.filter(Boolean).forEach((text) => {
    const p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
  });
  return box;
}

const element = document.getElementById("community-map");
if (element && window.L && data) {
  const map = createMap(element);
  const layers = new Map();
  const hexagons = window.L.geoJSON(data, {
    style: styleFor,
    onEachFeature(feature, layer) {
      layers.set(feature.properties.cell, layer);
      layer.bindPopup(() => popupFor(feature.properties));
      layer.on("add", () => applyPattern(layer, feature));
    },
  }).addTo(map);
  if (data.features.length) map.fitBounds(hexagons.getBounds(), { padding: [12, 12] });
  element.dataset.cells = String(data.features.length);

  document.querySelectorAll("[data-show-cell]").forEach((button) => {
    button.addEventListener("click", () => {
      const layer = layers.get(button.dataset.showCell);
      if (!layer) return;
      map.fitBounds(layer.getBounds(), { maxZoom: 15 });
      layer.openPopup();
      element.focus();
      const feature = layer.feature.properties;
      announce(`Showing ${feature.place} on the map. Said unsafe ${feature.unsafe_text}, said safe ${feature.safe_text}.`);
    });
  });
}
