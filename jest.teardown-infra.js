module.exports = require('./jest.global-setup').teardown;
