import { stringify } from "csv-stringify/sync";
const rows = Array.from({ length: 2000 }, (_, i) => Array.from({ length: 22 }, (_, j) => (j % 3 === 0 ? `value ${i} "q"` : j % 3 === 1 ? String(i * j) : '{"tokenStatus":"Enabled","userId":"u"}')));
let t = performance.now();
for (let k = 0; k < 20; k++) stringify(rows, { record_delimiter: "windows", quoted_match: /[",\r\n]/ });
console.log("csv-stringify per 2000 rows", ((performance.now() - t) / 20).toFixed(2), "ms");
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
t = performance.now();
for (let k = 0; k < 20; k++) rows.map((r) => r.map(cell).join(",")).join("\r\n");
console.log("hand per 2000 rows", ((performance.now() - t) / 20).toFixed(2), "ms");
