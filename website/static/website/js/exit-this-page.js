// "Exit this page", after the GOV.UK Design System component: the button, or Shift pressed three
// times within five seconds, replaces this page with a neutral site. location.replace() keeps this
// page out of the back button's history. Shift held with another key (typing a capital) does not
// count, and any other key resets the count.
(function () {
  "use strict";

  var PRESSES_NEEDED = 3;
  var WINDOW_MS = 5000;

  function init() {
    var root = document.querySelector("[data-exit-this-page]");
    if (!root) return;
    var button = root.querySelector("[data-exit-button]");
    var status = root.querySelector("[data-exit-status]");
    var url = root.getAttribute("data-exit-url") || button.getAttribute("href");
    var presses = 0;
    var timer = null;
    var shiftDown = false;
    var otherKeyWhileShift = false;

    function announce(text) {
      status.textContent = text;
    }

    function exit() {
      // Hide the content at once: the neutral site may take a moment to load.
      var overlay = document.createElement("div");
      overlay.className = "exit-overlay";
      overlay.setAttribute("role", "alert");
      overlay.textContent = "Loading.";
      document.body.appendChild(overlay);
      document.body.classList.add("exiting");
      window.location.replace(url);
    }

    function reset(expired) {
      presses = 0;
      if (timer) window.clearTimeout(timer);
      timer = null;
      if (expired) announce("Exit this page expired.");
    }

    button.addEventListener("click", function (event) {
      event.preventDefault();
      exit();
    });

    document.addEventListener("keydown", function (event) {
      if (event.key === "Shift") {
        if (!event.repeat) {
          shiftDown = true;
          otherKeyWhileShift = false;
        }
        return;
      }
      if (shiftDown) otherKeyWhileShift = true;
      if (presses > 0) reset(false);
    });

    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") return;
      shiftDown = false;
      if (otherKeyWhileShift) {
        otherKeyWhileShift = false;
        return;
      }
      presses += 1;
      if (presses === 1) {
        timer = window.setTimeout(function () { reset(true); }, WINDOW_MS);
      }
      var remaining = PRESSES_NEEDED - presses;
      if (remaining <= 0) {
        reset(false);
        announce("Exit this page activated.");
        exit();
      } else {
        announce("Shift, press " + remaining + (remaining === 1 ? " more time" : " more times") + " to exit.");
      }
    });

    // A page restored from the back-forward cache must not still be hidden behind the overlay.
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      document.body.classList.remove("exiting");
      var overlay = document.querySelector(".exit-overlay");
      if (overlay) overlay.remove();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
