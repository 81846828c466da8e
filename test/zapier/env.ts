// Imported first by every Zapier test: zapier-platform-core reads NODE_ENV when it is loaded, and
// in test mode it neither logs its memory use nor forwards logs, and raises its output checks.
process.env.NODE_ENV = 'test';
