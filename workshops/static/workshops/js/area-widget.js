// The exercise area widget (Wagtail admin): draw the area on a Leaflet map; the drawn shapes are
// written to the field's textarea as one GeoJSON Polygon or MultiPolygon. Leaflet and
// Leaflet.draw come from django-leaflet's static files (window.L).

import { readJson } from "../../website/js/data.js";
import { createMap } from "../../website/js/map-base.js";

function readGeometry(textarea) {
  try {
    const value = JSON.parse(textarea.value || "null");
    if (!value) return null;
    return value.type === "Feature" ? value.geometry : value;
  } catch (error) {
    return null;
  }
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

function writeGeometry(textarea, layers) {
  const polygons = [];
  layers.eachLayer((layer) => {
    const geometry = layer.toGeoJSON().geometry;
    polygons.push(...polygonsOf(geometry));
  });
  if (!polygons.length) textarea.value = "";
  else if (polygons.length === 1) textarea.value = JSON.stringify({ type: "Polygon", coordinates: polygons[0] });
  else textarea.value = JSON.stringify({ type: "MultiPolygon", coordinates: polygons });
  textarea.dispatchEvent(new Event("change", { bubbles: true }));
}

function showGeometry(map, layers, geometry) {
  layers.clearLayers();
  for (const rings of polygonsOf(geometry)) {
    // GeoJSON is [lng, lat]; Leaflet wants [lat, lng].
    const latLngs = rings.map((ring) => ring.map(([lng, lat]) => [lat, lng]));
    layers.addLayer(window.L.polygon(latLngs));
  }
  if (layers.getLayers().length) map.fitBounds(layers.getBounds(), { padding: [20, 20] });
}

function setup(widget) {
  const L = window.L;
  const textarea = widget.querySelector("[data-area-input]");
  const element = widget.querySelector("[data-area-map]");
  const config = readJson(widget.dataset.config);
  if (!L || !L.Control || !L.Control.Draw) return; // the textarea still works on its own
  element.hidden = false;
  widget.querySelector("[data-area-help]").hidden = false;
  // Drawing wants the wheel to zoom, unlike the pages' maps.
  const map = createMap(element, { config, leaflet: { scrollWheelZoom: true } });
  const layers = new L.FeatureGroup().addTo(map);
  map.addControl(new L.Control.Draw({
    draw: { polygon: { allowIntersection: false, showArea: false }, rectangle: true, polyline: false, circle: false, marker: false, circlemarker: false },
    edit: { featureGroup: layers },
  }));
  map.on(L.Draw.Event.CREATED, (event) => { layers.addLayer(event.layer); writeGeometry(textarea, layers); });
  map.on(L.Draw.Event.EDITED, () => writeGeometry(textarea, layers));
  map.on(L.Draw.Event.DELETED, () => writeGeometry(textarea, layers));
  textarea.addEventListener("input", () => {
    const geometry = readGeometry(textarea);
    if (geometry) showGeometry(map, layers, geometry);
  });
  showGeometry(map, layers, readGeometry(textarea));
}

document.querySelectorAll("[data-area-widget]").forEach(setup);
