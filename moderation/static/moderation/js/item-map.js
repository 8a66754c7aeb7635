// The exact position of one contribution, for moderators only. Leaflet comes from
// django-leaflet's static files (window.L); the position arrives through json_script.

const element = document.getElementById("item-map");
const data = document.getElementById("item-position");

if (element && data && window.L) {
  const position = JSON.parse(data.textContent);
  const map = window.L.map(element, { center: [position.lat, position.lng], zoom: position.zoom, maxZoom: position.maxZoom, scrollWheelZoom: false });
  window.L.tileLayer(position.tiles, { attribution: position.attribution, maxZoom: position.maxZoom }).addTo(map);
  window.L.circleMarker([position.lat, position.lng], { radius: 8, weight: 3 }).addTo(map);
}
