// A long form as short steps: one fieldset at a time, with Back, Skip (for optional questions,
// as visible as Next) and Next. Without JavaScript the same form is one page.

export class Steps {
  constructor(form, { validate = {}, onShow = {}, onSkip = {} } = {}) {
    this.form = form;
    this.steps = [...form.querySelectorAll("[data-step]")];
    this.validate = validate;
    this.onShow = onShow;
    this.onSkip = onSkip;
    this.index = 0;
    this.progress = form.querySelector("[data-step-progress]");
    this.nav = this.buildNav();
    form.classList.add("is-stepped");
    this.show(0, false);
  }

  buildNav() {
    const nav = document.createElement("div");
    nav.className = "step-nav";
    nav.innerHTML =
      '<button type="button" class="button button--secondary" data-back>Back</button>' +
      '<button type="button" class="button" data-skip>Skip this question</button>' +
      '<button type="button" class="button" data-next>Next</button>';
    this.form.append(nav);
    nav.querySelector("[data-back]").addEventListener("click", () => this.show(this.index - 1));
    nav.querySelector("[data-next]").addEventListener("click", () => this.next());
    nav.querySelector("[data-skip]").addEventListener("click", () => this.skip());
    return nav;
  }

  get current() {
    return this.steps[this.index];
  }

  stepError(step, message) {
    let error = step.querySelector(".step-error");
    if (!message) {
      if (error) error.remove();
      return;
    }
    if (!error) {
      error = document.createElement("p");
      error.className = "step-error";
      error.setAttribute("role", "alert");
      const title = step.querySelector(".step__title");
      (title.closest("legend") || title).after(error);
    }
    error.textContent = message;
  }

  check(step) {
    const rule = this.validate[step.dataset.step];
    const message = rule ? rule() : "";
    this.stepError(step, message);
    return !message;
  }

  next() {
    if (!this.check(this.current)) {
      const first = this.current.querySelector("input, select, textarea, button");
      if (first) first.focus();
      return;
    }
    this.show(this.index + 1);
  }

  skip() {
    const hook = this.onSkip[this.current.dataset.step];
    if (hook) hook(this.current);
    this.show(this.index + 1);
  }

  // The index of the first step that is not complete, or -1.
  firstInvalid() {
    return this.steps.findIndex((step) => !this.check(step));
  }

  show(index, moveFocus = true) {
    this.index = Math.max(0, Math.min(index, this.steps.length - 1));
    this.steps.forEach((step, i) => { step.hidden = i !== this.index; });
    const step = this.current;
    const optional = step.hasAttribute("data-optional");
    const last = this.index === this.steps.length - 1;
    this.nav.querySelector("[data-back]").hidden = this.index === 0;
    this.nav.querySelector("[data-skip]").hidden = !optional;
    this.nav.querySelector("[data-next]").hidden = last;
    if (this.progress) {
      this.progress.hidden = false;
      this.progress.textContent = `Step ${this.index + 1} of ${this.steps.length}`;
    }
    const hook = this.onShow[step.dataset.step];
    if (hook) hook(step);
    if (moveFocus) {
      const title = step.querySelector(".step__title");
      if (title) title.focus();
    }
  }
}
