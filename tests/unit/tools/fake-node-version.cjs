// Preloaded (node --require) by the check-node test: this process reports FAKE_NODE_VERSION as its Node version.
'use strict';
Object.defineProperty(process.versions, 'node', { value: process.env.FAKE_NODE_VERSION });
Object.defineProperty(process, 'version', { value: 'v' + process.env.FAKE_NODE_VERSION });
