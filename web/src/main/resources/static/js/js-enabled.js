// GOV.UK Frontend styles depend on these classes; the usual inline snippet would break the CSP.
document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported');
}
