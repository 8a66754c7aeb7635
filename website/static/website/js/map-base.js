// Shared Leaflet set-up for every public map. An ES module (no globals of our own); Leaflet itself
// comes from django-leaflet's static files as window.L. Configuration arrives through the
// "map-config" json_script element rendered by templates/includes/map_assets.html.

export function mapConfig() {
  const element = document.getElementById("map-config");
  return element ? JSON.parse(element.textContent) : null;
}

export function createMap(element, options = {}) {
  const config = mapConfig();
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
