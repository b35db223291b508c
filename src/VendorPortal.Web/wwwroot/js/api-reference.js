// Loaded before the API reference (Scalar) at /docs. Its schema library (Zod) otherwise probes whether it may
// compile code with Function(), which the Content-Security-Policy refuses and the browser reports as a
// violation; Zod falls back to this mode after the probe anyway, so this only skips the probe.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
