// Stops every entry command (npm test, fuzz, bench, demo) at once on a Node the toolchain cannot run on,
// saying which Node it needs, instead of failing later with an obscure error from deep inside vite.
// The range is package.json's `engines.node`: vite 8 and rolldown need ^20.19.0 || >=22.12.0 (require of
// ES modules), eslint 10 needs ^22.13.0 on 22, vitest 4 leaves out 21 and 23; wxt 0.21 states >=22 but builds
// and tests on 20.19+.
// Plain CommonJS without newer syntax, so that an old Node can run it to say it is too old.
'use strict';
var fs = require('fs');
var path = require('path');

function parse(version) {
  var match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (match === null) throw new Error('not a version: ' + version);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compare(a, b) {
  for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Whether `version` is in `range`: alternatives joined by `||`, each `^X.Y.Z` or `>=X.Y.Z` (what package.json uses). */
function satisfies(version, range) {
  var current = parse(version);
  return range.split('||').some(function (alternative) {
    var text = alternative.trim();
    if (text.indexOf('>=') === 0) return compare(current, parse(text.slice(2).trim())) >= 0;
    if (text.indexOf('^') === 0) {
      var floor = parse(text.slice(1));
      return current[0] === floor[0] && compare(current, floor) >= 0;
    }
    throw new Error('check-node understands ^X.Y.Z and >=X.Y.Z only, not "' + text + '"');
  });
}

/** Null when `version` can run the toolchain; otherwise the message to print. */
function problem(version, range) {
  if (satisfies(version, range)) return null;
  return (
    'Order Sentinel needs Node ' + range + ' (package.json engines); this is Node ' + version + '.\n' +
    'Install a supported Node (22 LTS, for instance) and run the command again.'
  );
}

module.exports = { satisfies: satisfies, problem: problem };

if (require.main === module) {
  var range = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).engines.node;
  var message = problem(process.versions.node, range);
  if (message !== null) {
    process.stderr.write(message + '\n');
    process.exit(1);
  }
}
