// The live note-taker view: Ctrl+Enter in the text saves, and after htmx puts the new note in place the
// speaker field has the focus again, ready for the next note. Without JavaScript the form posts and the page
// reloads at the form (its speaker field has autofocus).
(function () {
  if (window.htmx) {
    // No inline styles (the Content-Security-Policy refuses them), no eval; a refused form (422) is shown.
    htmx.config.includeIndicatorStyles = false;
    htmx.config.allowEval = false;
    htmx.config.responseHandling = [
      { code: '204', swap: false },
      { code: '[23]..', swap: true },
      { code: '422', swap: true, error: false },
      { code: '[45]..', swap: false, error: true }
    ];
  }

  document.addEventListener('keydown', function (event) {
    var field = event.target;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && field.matches('[data-ctrl-enter="submit"]')) {
      event.preventDefault();
      field.form.requestSubmit();
    }
  });

  document.addEventListener('htmx:afterSettle', function () {
    var form = document.getElementById('note-form');
    if (!form) {
      return;
    }
    var invalid = form.querySelector('[aria-invalid="true"]');
    var next = invalid || document.getElementById('note-speaker');
    if (next) {
      next.focus();
    }
  });
})();
