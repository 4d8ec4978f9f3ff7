// tokendesk's web server (scripts/web-server.mjs) with a CPU profiler the bench
// switches on and off, so a profile covers one measurement and nothing else:
// SIGUSR2 starts profiling; the next SIGUSR2 writes
// $BENCH_PROFILE_DIR/<n>.cpuprofile. Used by `npm run bench -- --profile`.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const dir = process.env.BENCH_PROFILE_DIR;
if (!dir) throw new Error("BENCH_PROFILE_DIR is not set");
const session = new Session();
session.connect();
const post = (method, params = {}) =>
  new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );
await post("Profiler.enable");
await post("Profiler.setSamplingInterval", { interval: 200 });

let profiling = false;
let count = 0;
process.on("SIGUSR2", () => {
  if (!profiling) {
    profiling = true;
    void post("Profiler.start");
    return;
  }
  profiling = false;
  void post("Profiler.stop").then(({ profile }) => {
    count += 1;
    writeFileSync(path.join(dir, `${count}.cpuprofile`), JSON.stringify(profile));
    console.log(`profile ${count} written`);
  });
});

await import("../web-server.mjs");
