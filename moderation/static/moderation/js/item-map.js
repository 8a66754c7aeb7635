// The exact position of one contribution, for moderators only. Leaflet comes from
// django-leaflet's static files (window.L); the position arrives through json_script.

import { readJson } from "../../website/js/data.js";
import { createMap } from "../../website/js/map-base.js";

const element = document.getElementById("item-map");
const position = readJson("item-position");

if (element && position && window.L) {
  const map = createMap(element, { config: position, center: [position.lat, position.lng] });
  window.L.circleMarker([position.lat, position.lng], { radius: 8, weight: 3 }).addTo(map);
}
