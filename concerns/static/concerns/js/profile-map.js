// The problem profile's map: a circle per named place with reports, sized by their number.
// Leaflet comes from django-leaflet's static files (window.L); data arrives through json_script.
// The table under the map holds the same counts, for anyone who cannot use the map.

const element = document.getElementById("profile-map");
const config = document.getElementById("profile-map-config");
const places = document.getElementById("profile-places");

if (element && config && places && window.L) {
  const settings = JSON.parse(config.textContent);
  const data = JSON.parse(places.textContent);
  const map = window.L.map(element, { center: settings.center, zoom: settings.zoom, minZoom: settings.minZoom, maxZoom: settings.maxZoom, scrollWheelZoom: false });
  window.L.tileLayer(settings.tiles, { attribution: settings.attribution, maxZoom: settings.maxZoom }).addTo(map);
  for (const feature of data.features) {
    const [lng, lat] = feature.geometry.coordinates;
    const { place, reports } = feature.properties;
    window.L.circleMarker([lat, lng], { radius: 6 + Math.min(reports, 20), weight: 2 })
      .bindTooltip(`${place}: ${reports} report${reports === 1 ? "" : "s"}`)
      .addTo(map);
  }
}
