// Shared Leaflet set-up for every public map. An ES module (no globals of our own); Leaflet itself
// comes from django-leaflet's static files as window.L. Configuration arrives through the
// "map-config" json_script element rendered by templates/includes/map_assets.html, or as
// `options.config` for a page whose map has its own (a moderator's close-up, an area widget).

import { readJson } from "./data.js";

export function mapConfig() {
  return readJson("map-config");
}

export function createMap(element, options = {}) {
  const config = options.config || mapConfig();
  const map = window.L.map(element, {
    center: options.center || config.center,
    zoom: options.zoom || config.zoom,
    minZoom: config.minZoom,
    maxZoom: config.maxZoom,
    keyboard: true,
    scrollWheelZoom: false,
    ...options.leaflet,
  });
  window.L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: config.maxZoom }).addTo(map);
  return map;
}
