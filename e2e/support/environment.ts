import path from "node:path";

/** The production build the tests run against (NEXT_DIST_DIR lets a second build sit beside `.next`). */
export const BUILD_DIR = process.env.NEXT_DIST_DIR || ".next";

/** Where the end-to-end server keeps its own data, apart from a developer's `.data`. */
export const E2E = {
  port: 3100,
  dataDir: path.resolve(".data-e2e"),
  pgPort: 54339,
  simulatorPort: 4110,
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
