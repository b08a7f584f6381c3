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

  var BARS = '\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588';

  // one block character per second, scaled to the minute's busiest second
  function sparkline(counts) {
    var max = Math.max.apply(null, counts.concat([1]));
    return counts.map(function (c) {
      return c === 0 ? '\u00b7' : BARS.charAt(Math.min(7, Math.floor(c * 8 / (max + 1))));
    }).join('');
  }

  function showActivity(activity) {
    var a = activity || { deliveredPerSecond: [], lastDeliveries: [] };
    fill('activity', {
      deliveredInWindow: a.deliveredInWindow,
      throughputPerSecond: typeof a.throughputPerSecond === 'number' ? a.throughputPerSecond.toFixed(2) : '',
      sparkline: sparkline(a.deliveredPerSecond || []),
      latencySamples: a.latencySamples,
      latency: a.latencySamples > 0 ? a.latencyP50Millis + ' / ' + a.latencyP90Millis : 'no sample'
    });
    var body = document.querySelector('#deliveries tbody');
    body.textContent = '';
    (a.lastDeliveries || []).forEach(function (d) {
      var row = document.createElement('tr');
      cell(row, d.seq);
      cell(row, d.round);
      cell(row, d.size);
      cell(row, d.sha256Prefix, 'fingerprint');
      cell(row, time(d.atMillis));
      body.appendChild(row);
    });
    if (!body.firstChild) {
      var none = document.createElement('tr');
      var td = document.createElement('td');
      td.colSpan = 5;
      td.textContent = 'none yet';
      none.appendChild(td);
      body.appendChild(none);
    }
  }

  function showInbound(inbound) {
    var body = document.querySelector('#inbound tbody');
    body.textContent = '';
    (inbound || []).forEach(function (a) {
      var row = document.createElement('tr');
      cell(row, a.endpoint);
      cell(row, a.state, a.failingSince ? 'down' : '');
      cell(row, a.nextSeq);
      cell(row, a.delivered);
      cell(row, a.failures);
      cell(row, a.lastError || '-');
      cell(row, a.failingSince || '-');
      body.appendChild(row);
    });
    if (!body.firstChild) {
      var none = document.createElement('tr');
      var td = document.createElement('td');
      td.colSpan = 7;
      td.textContent = 'no message-driven bean is activated';
      none.appendChild(td);
      body.appendChild(none);
    }
  }

  function show(status) {
    fill('status', status);
    var agreement = status.agreement || {};
    fill('agreement', agreement);
    var mean = document.querySelector('#agreement [data-field="meanRecordsPerSync"]');
    mean.textContent = typeof agreement.meanRecordsPerSync === 'number' ? agreement.meanRecordsPerSync.toFixed(2) : '-';
    var checkpoint = document.querySelector('#agreement [data-field="checkpoint"]');
    checkpoint.textContent = typeof agreement.checkpointRound === 'number' && agreement.checkpointRound >= 0
      ? 'round ' + agreement.checkpointRound + ' (' + agreement.checkpointSeq + ' requests)' : 'none yet';
    var failed = document.querySelector('#agreement [data-field="failed"]');
    failed.textContent = agreement.failed ? 'yes: ' + agreement.failure : 'no';
    showActivity(status.activity);
    showInbound(status.inbound);
    showServers(status);
    showHealth(status);
    message.dataset.polls = String(Number(message.dataset.polls || 0) + 1);
    message.textContent = 'Updated ' + new Date().toLocaleTimeString() + ' (every 2 s)';
    message.className = '';
  }

  function fail(error) {
    message.textContent = 'Could not read the status: ' + error.message;
    message.className = 'error';
  }

  function refresh() {
    // the header tells the server not to send a Basic challenge (no browser password dialog)
    fetch('api/status', { headers: { Accept: 'application/json', 'X-Requested-With': 'status.js' } })
      .then(function (response) {
        if (response.status === 401) {
          location.href = 'login.html'; // the session ended: log in again
          throw new Error('not logged in');
        }
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
