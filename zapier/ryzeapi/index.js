// The app as Zapier loads it: the bundle `_zapier-build` writes (the app, the shared core and
// its libraries in one file; zapier-platform-core stays a dependency).
module.exports = require('./dist/index.js').default;
