/** The web workspace: `createApp` (Hono) and `startServer`. */
export { createApp, type AppOptions, type EquilensApp } from './app.js';
export { startServer, type ServeOptions, type RunningServer } from './serve.js';
export { PERMISSIONS, ROLES, VIEWERS, can, type Action, type Role, type Viewer } from './permissions.js';
