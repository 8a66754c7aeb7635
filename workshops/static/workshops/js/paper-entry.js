// Entering pins from a paper map (staff): click the map where the sticker is, or choose a named
// place. The form works without this script: the latitude and longitude boxes take numbers.

import { createMap } from "../../website/js/map-base.js";

const form = document.querySelector("[data-paper-form]");

if (form) {
  const element = form.querySelector("[data-paper-map]");
  const lat = form.querySelector("[data-paper-lat]");
  const lng = form.querySelector("[data-paper-lng]");
  const place = form.querySelector("select[name=place]");
  const source = form.querySelector("input[name=location_source]");
  element.hidden = false;
  const map = createMap(element, { zoom: 13, leaflet: { scrollWheelZoom: true } });
  let marker = null;

  function show(y, x) {
    if (marker) marker.setLatLng([y, x]);
    else marker = window.L.marker([y, x]).addTo(map);
  }

  map.on("click", (event) => {
    lat.value = event.latlng.lat.toFixed(6);
    lng.value = event.latlng.lng.toFixed(6);
    place.value = "";
    source.value = "map";
    show(event.latlng.lat, event.latlng.lng);
  });
  place.addEventListener("change", () => {
    if (!place.value) return;
    lat.value = "";
    lng.value = "";
    source.value = "place";
    if (marker) { marker.remove(); marker = null; }
  });
  if (lat.value && lng.value) show(Number(lat.value), Number(lng.value));
}
