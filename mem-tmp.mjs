import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const req = createRequire(import.meta.url);
const strings = req("./node_modules/@open-policy-agent/opa-wasm/src/builtins/strings.js");
const regex = req("./node_modules/@open-policy-agent/opa-wasm/src/builtins/regex.js");
const counts = {};
for (const mod of [strings, regex]) for (const k of Object.keys(mod)) { const f = mod[k]; mod[k] = (...a) => { counts[k] = (counts[k]||0)+1; return f(...a); }; console.log(k); }
const { loadPolicy } = req("@open-policy-agent/opa-wasm");
const doc = JSON.parse(readFileSync('/tmp/10k.json','utf8'));
const p = await loadPolicy(readFileSync('policies/compiled/souverain.wasm'));
p.setData({ catalog: JSON.parse(readFileSync('policies/catalog/catalog.json','utf8')), config: {}, rule_metadata: JSON.parse(readFileSync('policies/compiled/rules.json','utf8')) });
const t=performance.now();
for (let i=0;i<doc.resources.length;i+=200){ p.evaluate({resources: doc.resources.slice(i,i+200), today: "2026-11-23"}, "souverain/main/result"); }
console.log((performance.now()-t).toFixed(0), counts);
