import { initAll, ExitThisPage } from '/govuk/govuk-frontend.min.js';

// "Exit this page" must not leave this site in the back button's history: replace, never push. GOV.UK
// Frontend's component sets location.href, which adds an entry, both for the button and for its keyboard
// shortcut (Shift three times); both go through exitPage, so that is the one place to change.
// The link's target, /track/exit, ends the session before sending the browser to the neutral site.
ExitThisPage.prototype.exitPage = function exitPage() {
  document.body.classList.add('govuk-exit-this-page-hide-content');
  window.location.replace(this.$button.href);
};

initAll();
