import path from "node:path";

/** The production build the tests run against (NEXT_DIST_DIR lets a second build sit beside `.next`). */
export const BUILD_DIR = process.env.NEXT_DIST_DIR || ".next";

/**
 * E2E_PORT_OFFSET moves the end-to-end server's ports and data folder, so two
 * runs (a developer's and a colleague's) can share a machine. Unset in CI.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;

/** Where the end-to-end server keeps its own data, apart from a developer's `.data`. */
export const E2E = {
  port: 3100 + offset,
  dataDir: path.resolve(offset ? `.data-e2e-${offset}` : ".data-e2e"),
  pgPort: 54339 + offset,
  simulatorPort: 4110 + offset,
  get baseUrl() {
    return `http://localhost:${this.port}`;
  },
  get simulatorUrl() {
    return `http://127.0.0.1:${this.simulatorPort}`;
  },
  /** Environment for commands (e.g. `npm run user`) that must reach the e2e database. */
  get commandEnv(): Record<string, string> {
    return {
      DATA_DIR: this.dataDir,
      EMBEDDED_PG_PORT: String(this.pgPort),
      DATABASE_URL: "",
      RSA_ADMIN_KEY_FILE: "",
    };
  },
};
