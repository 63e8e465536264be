// A generated corpus of Helmand reporting, for the scale benchmarks (not committed as
// data): `node scripts/make-corpus.mjs [--count 10000] [--seed 7] [--out target/corpus]`.
// Seeded and reproducible: the same seed gives the same files, byte for byte. Articles are
// composed from varied templates, outlets, reporters, officials, districts, villages and
// events of 2001-2021, with furniture lines (bylines, datelines, captions, share prompts)
// like real saved pages, so cleaning and entity finding do real work. It writes one .txt
// per article and a catalog.toml in the format of seeds/catalog.toml, plus truth.json: the
// districts each article was written about.

import { mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const COUNT = Number(arg("count", 10000));
const SEED = Number(arg("seed", 7));
const OUT = arg("out", join(import.meta.dirname, "..", "target", "corpus"));
// --export: also write the articles as Helmand Reader export files (each under the 5 MB
// import limit), which the app's Import takes: how the benchmark loads 10,000 articles
const EXPORT = process.argv.includes("--export");

// mulberry32: small, fast, and the same everywhere
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const chance = (p) => random() < p;

const DISTRICTS = [
  { name: "Lashkar Gah", forms: ["Lashkar Gah", "Lashkargah", "Lashkar Gah city"], villages: ["Bolan", "Babaji", "Chah-e Anjir"] },
  { name: "Nad Ali", forms: ["Nad-e Ali", "Nad Ali", "Nadali"], villages: ["Shin Kalay", "Loy Bagh", "Zarghun Kalay"] },
  { name: "Marjah", forms: ["Marjah", "Marja"], villages: ["Koru Chareh", "Sistani"] },
  { name: "Nawa-i-Barakzayi", forms: ["Nawa", "Nawa-i-Barakzayi", "Nawa district"], villages: ["Aynak", "Khalaj"] },
  { name: "Garmsir", forms: ["Garmsir", "Garmser", "Darweshan"], villages: ["Laki", "Hazar Joft"] },
  { name: "Nahr-e Saraj", forms: ["Gereshk", "Nahr-e Saraj", "Nahri Saraj"], villages: ["Malgir", "Rahim Kalay"] },
  { name: "Sangin", forms: ["Sangin", "Sangeen"], villages: ["Jushalay", "Putay", "Wishtan"] },
  { name: "Musa Qala", forms: ["Musa Qala", "Musa Qalah", "Musa Qaleh"], villages: ["Chinah", "Shah Karez"] },
  { name: "Kajaki", forms: ["Kajaki", "Kajakai"], villages: ["Kajaki Sofla", "Tangye"] },
  { name: "Nawzad", forms: ["Now Zad", "Nawzad", "Naw Zad"], villages: ["Salaam Bazaar"] },
  { name: "Washir", forms: ["Washir", "Washer"], villages: [] },
  { name: "Baghran", forms: ["Baghran"], villages: [] },
  { name: "Dishu", forms: ["Dishu", "Deshu"], villages: ["Bahramcha"] },
  { name: "Khanashin", forms: ["Khanashin", "Khan Neshin"], villages: [] },
];
const OUTLETS = [
  ["Reuters", "Reuters"], ["Associated Press", "AP"], ["Agence France-Presse", "AFP"], ["BBC News", "BBC"], ["The Guardian", "Guardian"],
  ["The New York Times", "NYT"], ["The Washington Post", "Post"], ["Al Jazeera", "Al Jazeera"], ["Pajhwok Afghan News", "Pajhwok"],
  ["TOLOnews", "TOLOnews"], ["Khaama Press", "Khaama"], ["Voice of America", "VOA"], ["The Telegraph", "Telegraph"], ["Stars and Stripes", "Stripes"],
  ["Radio Free Europe/Radio Liberty", "RFE/RL"], ["The Independent", "Independent"], ["Institute for War and Peace Reporting", "IWPR"], ["Ariana News", "Ariana"],
];
const GIVEN = ["Ahmad", "Mohammad", "Abdul", "Gul", "Zabihullah", "Omar", "Nasir", "Farid", "Saira", "Lina", "Hamid", "Rahmatullah", "Sayed", "Jan", "Wali", "Karim", "Najib", "Ghulam", "Haji Abdul", "Mullah Abdul"];
const SURNAMES = ["Ahmadi", "Zwak", "Noorzai", "Barakzai", "Alizai", "Popal", "Rahimi", "Wardak", "Helmandi", "Stanekzai", "Achakzai", "Ishaqzai", "Khan", "Karimi", "Safi", "Sahak", "Mangal", "Daudzai"];
const REPORTERS = ["Jane Ferguson", "Tom Coghlan", "Emma Graham-Harrison", "Rod Nordland", "Taimoor Shah", "Mujib Mashal", "Kathy Gannon", "Rahim Faiez", "Sudarsan Raghavan", "Lynne O'Donnell", "Ben Farmer", "Kim Sengupta", "Hamid Shalizi", "Abdul Malik", "Ruchi Kumar", "Ali M Latifi", "Stefanie Glinski", "Andrew North"];
const ROLES = ["the governor of Helmand", "a spokesman for the provincial governor", "the district governor", "the provincial police chief", "a member of the provincial council", "a tribal elder", "a local shopkeeper", "a farmer", "a doctor at the provincial hospital", "a Taliban spokesman", "an Afghan army commander", "a spokesman for the Ministry of Defence"];
const FORCES = ["the Afghan National Army", "the Afghan National Police", "ISAF", "the British Army", "the US Marine Corps", "the Danish army", "the 215th Corps", "Afghan special forces", "NATO", "the Estonian army", "the Royal Marines", "Task Force Helmand"];
const ORGS = ["UNAMA", "the International Committee of the Red Cross", "Médecins Sans Frontières", "Emergency", "the World Food Programme", "UNICEF", "the Ministry of Public Health", "the Independent Election Commission", "the Afghan Red Crescent Society", "the UN Office for the Coordination of Humanitarian Affairs"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const details = (d, when, style) => ({
  weekday: pick(WEEKDAYS),
  when: human(when, style),
  official: person(),
  spokesman: pick(["Zabihullah Mujahid", "Qari Yousuf Ahmadi", "Zabiullah Mujahid"]),
  role: pick(ROLES),
  village: d.villages.length && chance(0.6) ? pick(d.villages) : null,
});
const person = () => `${pick(GIVEN)} ${pick(SURNAMES)}`;
const place = (d) => pick(d.forms);
const date = () => ({ y: int(2001, 2021), m: int(1, 12), d: int(1, 28) });
const iso = ({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const human = ({ y, m, d }, style) =>
  style === 0 ? `${d} ${MONTHS[m - 1]} ${y}` : style === 1 ? `${MONTHS[m - 1]} ${d}, ${y}` : `${MONTHS[m - 1].slice(0, 3)}. ${d}, ${y}`;

const EVENTS = [
  {
    title: (d, x) => pick([`Taliban attack checkpoints in ${place(d)}`, `Fighting flares in ${place(d)} as Taliban push south`, `Insurgents overrun posts near ${place(d)}`]),
    lines: (d, x) => [
      `Taliban fighters attacked several checkpoints in ${place(d)} district of Helmand province on ${x.weekday}, killing ${int(2, 14)} soldiers and policemen, officials said.`,
      `"The fighting went on for hours," said ${x.official}, ${x.role}. "Reinforcements arrived from ${place(pick(DISTRICTS))} before dawn."`,
      `${x.spokesman}, a spokesman for the Taliban, said in a statement that the group had captured weapons and vehicles.`,
      `Residents of ${x.village || place(d)} said families had fled towards ${place(DISTRICTS[0])}, the provincial capital.`,
    ],
  },
  {
    title: (d, x) => pick([`Offensive launched to clear ${place(d)}`, `Troops push into ${place(d)} in new operation`, `Operation aims to retake ${place(d)} from Taliban`]),
    lines: (d, x) => [
      `Hundreds of troops from ${pick(FORCES)} and ${pick(FORCES)} launched an operation on ${x.weekday} to clear ${place(d)} of insurgents.`,
      `The operation, which began before dawn on ${x.when}, is the largest in the district since ${int(2006, 2014)}, according to ${pick(ORGS)}.`,
      `"We will not leave until the people are safe," said ${x.official}, ${x.role}.`,
      `Aid agencies including ${pick(ORGS)} warned that civilians were trapped in the fighting around ${x.village || place(d)}.`,
    ],
  },
  {
    title: (d, x) => pick([`Clinic reopens in ${place(d)}`, `New school opens in ${place(d)} despite threats`, `Aid reaches families in ${place(d)}`]),
    lines: (d, x) => [
      `A health clinic supported by ${pick(ORGS)} reopened in ${place(d)} on ${x.when}, provincial officials said.`,
      `The clinic will serve about ${int(50, 400)} patients a day, said ${x.official}, ${x.role}.`,
      `Elders in ${x.village || place(pick(DISTRICTS))} said they hoped security on the road to ${place(DISTRICTS[0])} would hold.`,
    ],
  },
  {
    title: (d, x) => pick([`Poppy harvest grows in ${place(d)}`, `Farmers in ${place(d)} turn back to opium`, `Eradication teams attacked in ${place(d)}`]),
    lines: (d, x) => [
      `Farmers in ${place(d)} say opium poppy is the only crop that pays, as eradication teams backed by ${pick(FORCES)} arrive in the district.`,
      `"Wheat does not pay for a wedding or a doctor," said ${x.official}, ${x.role} in ${x.village || place(d)}.`,
      `The UN Office on Drugs and Crime estimated in ${int(2005, 2020)} that Helmand grew about half of Afghanistan's opium.`,
    ],
  },
  {
    title: (d, x) => pick([`Roadside bomb kills civilians near ${place(d)}`, `Blast hits bus in ${place(d)}`, `IED strikes patrol in ${place(d)}`]),
    lines: (d, x) => [
      `A roadside bomb struck a minibus near ${place(d)} on ${x.weekday}, killing ${int(3, 12)} civilians, including women and children, police said.`,
      `${x.official}, ${x.role}, blamed the Taliban. The group denied involvement.`,
      `UNAMA said in a report on ${x.when} that civilian casualties in Helmand had risen sharply.`,
    ],
  },
  {
    title: (d, x) => pick([`Handover of ${place(d)} to Afghan forces`, `British troops leave ${place(d)}`, `US Marines hand ${place(d)} base to Afghan army`]),
    lines: (d, x) => [
      `Foreign troops handed control of their last base in ${place(d)} to ${pick(["the Afghan National Army", "the 215th Corps", "the Afghan National Police"])} on ${x.when}.`,
      `"They are ready," said ${x.official}, ${x.role}, at a ceremony attended by commanders of ${pick(FORCES)}.`,
      `Residents of ${x.village || place(pick(DISTRICTS))} said they feared the Taliban would return once the foreigners were gone.`,
    ],
  },
];

const FURNITURE = ["Share this article", "Share on Facebook", "Share on Twitter", "Advertisement", "Read more", "Sign up for our newsletter", "Most read", "Related stories"];

function article(i) {
  const d = pick(DISTRICTS);
  const second = chance(0.35) ? pick(DISTRICTS) : null;
  const [outlet, short] = pick(OUTLETS);
  const when = date();
  const style = int(0, 2);
  const x = details(d, when, style);
  const event = pick(EVENTS);
  const title = event.title(d, x);
  const author = chance(0.8) ? pick(REPORTERS) : null;
  const lines = [];
  if (chance(0.5)) lines.push(pick(FURNITURE));
  lines.push(title);
  if (author) lines.push(`By ${author}`);
  if (chance(0.7)) lines.push(human(when, style));
  lines.push(...event.lines(d, x));
  if (second) lines.push(`In neighbouring ${place(second)}, ${person()}, ${pick(ROLES)}, said the situation was calm but tense.`);
  // more paragraphs, so articles run 300-900 words
  for (let k = int(2, 8); k > 0; k--) {
    const where = chance(0.7) ? d : pick(DISTRICTS);
    const earlier = { y: when.y - int(0, 2), m: int(1, 12), d: int(1, 28) };
    lines.push(...pick(EVENTS).lines(where, details(where, earlier, style)).slice(0, int(1, 3)));
  }
  if (chance(0.4)) lines.push(`${person()} contributed reporting from ${place(DISTRICTS[0])}.`);
  if (chance(0.5)) lines.push(pick(FURNITURE));
  if (chance(0.3)) lines.push(`© ${int(2001, 2021)} ${short}`);
  const id = `gen-${String(i).padStart(5, "0")}`;
  return { id, title, outlet: chance(0.9) ? outlet : null, author, date: iso(when), text: lines.join("\n\n") + "\n", districts: [d.name, ...(second ? [second.name] : [])] };
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const toml = (s) => JSON.stringify(s); // a TOML basic string is a JSON string for this text
const catalog = ["# Generated by scripts/make-corpus.mjs: not committed, not edited by hand.", ""];
const truth = {};
const [titles, outlets, dates] = [[], [], []];
let bytes = 0;
for (let i = 0; i < COUNT; i++) {
  const a = article(i);
  writeFileSync(join(OUT, `${a.id}.txt`), a.text);
  bytes += Buffer.byteLength(a.text);
  catalog.push("[[article]]", `file = ${toml(`${a.id}.txt`)}`, `title = ${toml(a.title)}`);
  if (a.outlet) catalog.push(`outlet = ${toml(a.outlet)}`);
  if (a.author) catalog.push(`author = ${toml(a.author)}`);
  catalog.push(`date = ${toml(a.date)}`, "");
  truth[a.id] = [...new Set(a.districts)].sort();
  titles.push(a.title);
  outlets.push(a.outlet);
  dates.push(a.date);
}
writeFileSync(join(OUT, "catalog.toml"), catalog.join("\n"));
if (EXPORT) {
  let part = [];
  let size = 0;
  let n = 0;
  const flush = () => {
    const file = { format: "helmand-reader/imported-articles", version: 1, exported: "2026-01-01T00:00:00.000Z", articles: part };
    writeFileSync(join(OUT, `export-${String(n++).padStart(2, "0")}.json`), JSON.stringify(file));
    part = [];
    size = 0;
  };
  for (let i = 0; i < COUNT; i++) {
    const id = `gen-${String(i).padStart(5, "0")}`;
    const text = readFileSync(join(OUT, `${id}.txt`), "utf8");
    const rec = { v: 1, id: `imported-${id}`, title: titles[i], outlet: outlets[i], date: dates[i], origin: `${id}.txt`, added: new Date(Date.UTC(2026, 0, 1) + i).toISOString(), text };
    const bytes = Buffer.byteLength(JSON.stringify(rec));
    if (size + bytes > 4.5e6) flush();
    part.push(rec);
    size += bytes;
  }
  if (part.length) flush();
}
writeFileSync(join(OUT, "truth.json"), JSON.stringify(truth));
console.log(`make-corpus: ${COUNT} articles, ${(bytes / 1e6).toFixed(1)} MB of text, seed ${SEED}, in ${OUT}`);
