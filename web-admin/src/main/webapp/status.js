// Fills the status table from GET api/status (relative, so any context root works).
(function () {
  'use strict';

  var message = document.getElementById('message');

  function show(status) {
    document.querySelectorAll('#status [data-field]').forEach(function (cell) {
      var value = status[cell.dataset.field];
      // textContent, never innerHTML: values are shown, not interpreted
      cell.textContent = value === undefined || value === null ? '-' : String(value);
    });
    message.textContent = 'Updated ' + new Date().toLocaleTimeString();
    message.className = '';
  }

  function fail(error) {
    message.textContent = 'Could not read the status: ' + error.message;
    message.className = 'error';
  }

  function refresh() {
    fetch('api/status', { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(show)
      .catch(fail);
  }

  document.getElementById('refresh').addEventListener('click', refresh);
  refresh();
  setInterval(refresh, 10000);
}());
