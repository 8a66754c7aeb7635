// "Step by step" navigation (after the GOV.UK pattern), as progressive enhancement: the server
// renders every step open; this turns each step title into a button that shows or hides its panel
// and adds a "Show all steps" control. Native buttons keep it keyboard operable (Enter, Space).
(function () {
  "use strict";

  var SHOW_ALL = "Show all steps";
  var HIDE_ALL = "Hide all steps";

  function setOpen(step, open) {
    step.panel.hidden = !open;
    step.button.setAttribute("aria-expanded", open ? "true" : "false");
    step.toggle.textContent = open ? "Hide" : "Show";
    step.element.classList.toggle("step-nav__step--open", open);
  }

  function isOpen(step) {
    return step.button.getAttribute("aria-expanded") === "true";
  }

  function enhance(nav) {
    if (nav.hasAttribute("data-step-nav-ready")) return;
    nav.setAttribute("data-step-nav-ready", "");
    var steps = [];
    nav.querySelectorAll("[data-step]").forEach(function (element) {
      var title = element.querySelector("[data-step-title]");
      var panel = element.querySelector("[data-step-panel]");
      if (!title || !panel || !panel.id) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "step-nav__button";
      button.setAttribute("aria-controls", panel.id);
      var text = document.createElement("span");
      text.className = "step-nav__button-text";
      while (title.firstChild) text.appendChild(title.firstChild);
      var toggle = document.createElement("span");
      toggle.className = "step-nav__toggle";
      var hint = document.createElement("span");
      hint.className = "visually-hidden";
      hint.textContent = " this step";
      button.appendChild(text);
      button.appendChild(toggle);
      button.appendChild(hint);
      title.appendChild(button);
      steps.push({ element: element, panel: panel, button: button, toggle: toggle });
    });
    if (!steps.length) return;

    var controls = document.createElement("div");
    controls.className = "step-nav__controls";
    var showAll = document.createElement("button");
    showAll.type = "button";
    showAll.className = "step-nav__show-all";
    showAll.setAttribute(
      "aria-controls",
      steps.map(function (step) { return step.panel.id; }).join(" ")
    );
    controls.appendChild(showAll);
    nav.insertBefore(controls, nav.firstChild);

    function updateShowAll() {
      var all = steps.every(isOpen);
      showAll.textContent = all ? HIDE_ALL : SHOW_ALL;
      showAll.setAttribute("aria-expanded", all ? "true" : "false");
    }

    function openTarget() {
      var hash = window.location.hash.slice(1);
      steps.forEach(function (step) {
        if (hash && (step.element.id === hash || step.panel.id === hash)) setOpen(step, true);
      });
      updateShowAll();
    }

    steps.forEach(function (step) {
      setOpen(step, step.element.hasAttribute("data-step-open"));
      step.button.addEventListener("click", function () {
        setOpen(step, !isOpen(step));
        updateShowAll();
      });
      // The number circle sits beside the button; a click on it means the same.
      var circle = step.element.querySelector(".step-nav__circle");
      if (circle) {
        circle.addEventListener("click", function () { step.button.click(); });
      }
    });
    showAll.addEventListener("click", function () {
      var open = !steps.every(isOpen);
      steps.forEach(function (step) { setOpen(step, open); });
      updateShowAll();
    });
    window.addEventListener("hashchange", openTarget);
    openTarget();
  }

  function enablePrintButtons() {
    document.querySelectorAll("[data-print-page]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function init() {
    document.querySelectorAll("[data-step-nav]").forEach(enhance);
    enablePrintButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
