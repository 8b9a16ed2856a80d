// Shared setup for Node-environment suites (API client, emulator, results).
export {};
