import { initAll } from '/govuk/govuk-frontend.min.js';

// "Exit this page" must not leave this site in the back button's history: replace, never push.
// Registered in the capture phase so it runs before GOV.UK Frontend's own handler.
document.addEventListener('click', (event) => {
  const exit = event.target.closest('.govuk-js-exit-this-page-button');
  if (exit) {
    event.preventDefault();
    event.stopImmediatePropagation();
    document.body.innerHTML = '';
    window.location.replace(exit.href);
  }
}, true);

initAll();
