// Progressive enhancement hook: styles may rely on .js being present only once this has run.
document.documentElement.classList.remove("no-js");
document.documentElement.classList.add("js");
