// The idea form with JavaScript: sent through offline.js, so a bad connection never loses it.

import { submit } from "./offline.js";

const form = document.querySelector("[data-offline-form=proposal]");
if (form) {
  const button = form.querySelector("button[type=submit]");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    const result = await submit(form);
    button.disabled = false;
    if (result === "kept") button.textContent = "Send again";
  });
}
