// The simulator panel without a page reload: the form still works without this script.
(function () {
  "use strict";
  var form = document.getElementById("sim-form");
  var out = document.getElementById("sim-result");
  if (!form || !out || !window.fetch || !window.URLSearchParams) { return; }
  var button = form.querySelector("button[type=submit]");
  form.addEventListener("submit", function (event) {
    if (!form.checkValidity()) { return; }
    event.preventDefault();
    var query = new URLSearchParams(new FormData(form)).toString();
    out.setAttribute("aria-busy", "true");
    if (button) { button.disabled = true; }
    fetch("/mechanism/run.json?" + query, {headers: {Accept: "application/json"}})
      .then(function (response) {
        if (!response.ok && response.status !== 400) { throw new Error(response.statusText); }
        return response.json();
      })
      .then(function (data) {
        out.innerHTML = data.html;  // rendered and escaped by the server's templates
        history.replaceState(null, "", "/mechanism?" + query + "#sim-result");
        out.focus({preventScroll: true});
      })
      .catch(function () { form.submit(); })
      .finally(function () {
        out.removeAttribute("aria-busy");
        if (button) { button.disabled = false; }
      });
  });
})();
