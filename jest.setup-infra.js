module.exports = require('./jest.global-setup').setup;
