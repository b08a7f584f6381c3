// Fills the page from GET api/status (relative, so any context root works), every 2 s.
// Values are written with textContent, never innerHTML: they are shown, not interpreted.
(function () {
  'use strict';

  var message = document.getElementById('message');

  function text(value) {
    if (value === undefined || value === null || value === '') {
      return '-';
    }
    if (value === true) {
      return 'yes';
    }
    if (value === false) {
      return 'no';
    }
    return String(value);
  }

  function time(millis) {
    return millis > 0 ? new Date(millis).toLocaleString() : 'never';
  }

  function fill(tableId, values) {
    document.querySelectorAll('#' + tableId + ' [data-field]').forEach(function (cell) {
      cell.textContent = text(values[cell.dataset.field]);
    });
  }

  function cell(row, value, className) {
    var td = document.createElement('td');
    td.textContent = text(value);
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
  }

  function faults(peer) {
    var kinds = Object.keys(peer.faults || {});
    if (kinds.length === 0) {
      return 'none';
    }
    return kinds.map(function (kind) { return kind + ': ' + peer.faults[kind]; }).join(', ');
  }

  function showServers(status) {
    var peers = {};
    (status.peers || []).forEach(function (peer) { peers[peer.id] = peer; });
    var body = document.querySelector('#servers tbody');
    body.textContent = '';
    (status.serverSet || []).forEach(function (server) {
      var row = document.createElement('tr');
      var peer = peers[server.id];
      cell(row, server.id + (server.self ? ' (this server)' : ''));
      cell(row, server.address);
      cell(row, server.certificateSha256, 'fingerprint');
      if (server.self || !peer) {
        cell(row, 'this server');
        for (var i = 0; i < 6; i++) {
          cell(row, '');
        }
      } else {
        cell(row, peer.up ? 'up' : 'down', peer.up ? 'ok' : 'down');
        cell(row, time(peer.sinceMillis));
        cell(row, time(peer.lastReceivedMillis));
        cell(row, peer.bytesIn + ' / ' + peer.bytesOut);
        cell(row, peer.queuedBytes);
        cell(row, peer.dropped);
        cell(row, faults(peer));
      }
      body.appendChild(row);
    });
  }

  function showHealth(status) {
    var health = document.getElementById('health');
    var agreement = status.agreement || {};
    if (agreement.failed) {
      health.textContent = 'Health: FAILED - ' + agreement.failure;
      health.className = 'health down';
    } else if (status.ready) {
      health.textContent = 'Health: ready (' + status.linksUp + ' of ' + (status.servers - 1) + ' peers linked)';
      health.className = 'health ok';
    } else {
      // the threshold (n - t - 1 peers) is the server's to judge: the page only shows its verdict
      health.textContent = 'Health: NOT ready (' + status.linksUp + ' of ' + (status.servers - 1)
        + ' peers linked; a quorum needs more, or the replica stopped)';
      health.className = 'health down';
    }
  }

  function show(status) {
    fill('status', status);
    var agreement = status.agreement || {};
    fill('agreement', agreement);
    var mean = document.querySelector('#agreement [data-field="meanRecordsPerSync"]');
    mean.textContent = typeof agreement.meanRecordsPerSync === 'number' ? agreement.meanRecordsPerSync.toFixed(2) : '-';
    var failed = document.querySelector('#agreement [data-field="failed"]');
    failed.textContent = agreement.failed ? 'yes: ' + agreement.failure : 'no';
    showServers(status);
    showHealth(status);
    message.textContent = 'Updated ' + new Date().toLocaleTimeString() + ' (every 2 s)';
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
  setInterval(refresh, 2000);
}());
