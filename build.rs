//! Turns the project's data into static tables, so the app parses nothing at start-up:
//! - `seeds/catalog.toml` + `seeds/*.txt` -> `$OUT_DIR/seeds.rs` (checked against each other);
//! - `data/gazetteer.toml` -> `$OUT_DIR/gazetteer.rs` (checked for clashing names).

#[path = "src/engine/catalog.rs"]
#[allow(dead_code)]
mod catalog;

use serde::Deserialize;
use std::{collections::HashMap, env, fmt::Write as _, fs, path::Path};

fn main() {
    seeds();
    gazetteer();
}

fn seeds() {
    let root = env::var("CARGO_MANIFEST_DIR").unwrap();
    let seeds = Path::new(&root).join("seeds");
    println!("cargo:rerun-if-changed=seeds");
    println!("cargo:rerun-if-changed=src/engine/catalog.rs");

    let text = fs::read_to_string(seeds.join("catalog.toml")).expect("read seeds/catalog.toml");
    let cat: catalog::Catalog =
        toml::from_str(&text).unwrap_or_else(|e| panic!("seeds/catalog.toml is not a valid catalog:\n{e}"));
    let mut files: Vec<String> = fs::read_dir(&seeds)
        .expect("read seeds/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    files.sort();
    let problems = catalog::problems(&cat, &files);
    if !problems.is_empty() {
        panic!("seeds/catalog.toml does not match seeds/:\n  {}", problems.join("\n  "));
    }

    let opt = |v: &Option<String>| match v {
        Some(s) => format!("Some({s:?})"),
        None => "None".into(),
    };
    let mut out = String::from("pub static SEEDS: &[Seed] = &[\n");
    for a in &cat.articles {
        let path = seeds.join(&a.file);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            out,
            "    Seed {{ id: {:?}, title: {:?}, outlet: {}, author: {}, date: {}, provenance: {}, evidence: {}, text: include_str!({:?}) }},",
            a.id(), a.title, opt(&a.outlet), opt(&a.author), opt(&a.date), opt(&a.provenance), opt(&a.evidence), path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("seeds.rs"), out).unwrap();
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Gazetteer {
    district: Vec<District>,
    district_place: Vec<Named>,
    place: Vec<Named>,
    org: Vec<Named>,
    person: Vec<Named>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct District {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
    centre: String,
    #[serde(default)]
    centre_variants: Vec<String>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Named {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
    #[serde(default)]
    abbr: Vec<String>,
    kind: Option<String>,
    role: Option<String>,
    district: Option<String>,
    #[allow(dead_code)]
    source: Option<String>,
}

/// One generated `GazEntry`: (kind, name, class, district, forms).
type Row = (&'static str, String, String, Option<String>, Vec<String>);

fn gazetteer() {
    let root = env::var("CARGO_MANIFEST_DIR").unwrap();
    let path = Path::new(&root).join("data/gazetteer.toml");
    println!("cargo:rerun-if-changed=data/gazetteer.toml");
    let g: Gazetteer = toml::from_str(&fs::read_to_string(&path).expect("read data/gazetteer.toml"))
        .unwrap_or_else(|e| panic!("data/gazetteer.toml is not a valid gazetteer:\n{e}"));

    let districts: Vec<&str> = g.district.iter().map(|d| d.name.as_str()).collect();
    let mut rows: Vec<Row> = Vec::new();
    for d in &g.district {
        assert!(!d.source.trim().is_empty(), "district {} needs a source", d.name);
        let mut forms = vec![d.name.clone()];
        forms.extend(d.variants.iter().cloned());
        // a centre known by the district's own name ("Nawa") is the district itself
        if forms.contains(&d.centre) {
            forms.extend(d.centre_variants.iter().cloned());
            rows.push(("Place", d.name.clone(), "helmand district".into(), Some(d.name.clone()), forms));
        } else {
            rows.push(("Place", d.name.clone(), "helmand district".into(), Some(d.name.clone()), forms));
            let mut centre = vec![d.centre.clone()];
            centre.extend(d.centre_variants.iter().cloned());
            rows.push(("Place", d.centre.clone(), "helmand district centre".into(), Some(d.name.clone()), centre));
        }
    }
    let named = |kind: &'static str, list: &[Named], rows: &mut Vec<Row>| {
        for n in list {
            if let Some(d) = &n.district {
                assert!(districts.contains(&d.as_str()), "{}: district {d:?} is not one of the 14", n.name);
            }
            let mut forms = vec![n.name.clone()];
            forms.extend(n.variants.iter().chain(&n.abbr).cloned());
            let class = n.kind.clone().or_else(|| n.role.clone()).unwrap_or_default();
            rows.push((kind, n.name.clone(), class, n.district.clone(), forms));
        }
    };
    named("Place", &g.district_place, &mut rows);
    named("Place", &g.place, &mut rows);
    named("Org", &g.org, &mut rows);
    named("Person", &g.person, &mut rows);

    let mut owner: HashMap<&str, &str> = HashMap::new();
    for (_, name, _, _, forms) in &rows {
        for f in forms {
            if let Some(other) = owner.insert(f.as_str(), name.as_str()) {
                assert!(other == name, "data/gazetteer.toml: {f:?} names both {other:?} and {name:?}");
            }
        }
    }

    let mut out = String::from("pub static ENTRIES: &[GazEntry] = &[\n");
    for (kind, name, class, district, forms) in &rows {
        writeln!(
            out,
            "    GazEntry {{ kind: EntityType::{kind}, name: {name:?}, class: {class:?}, district: {}, forms: &{forms:?} }},",
            match district { Some(d) => format!("Some({d:?})"), None => "None".into() },
        )
        .unwrap();
    }
    out.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("gazetteer.rs"), out).unwrap();
    // the page needs only the 14 names (its articles come annotated), not the gazetteer,
    // and, for search, the spellings of each Helmand place that has more than one
    let mut list = format!("pub static HELMAND_DISTRICTS: &[&str] = &{districts:?};\n");
    let groups: Vec<&Vec<String>> =
        rows.iter().filter(|(_, _, _, d, forms)| d.is_some() && forms.len() > 1).map(|r| &r.4).collect();
    let groups: Vec<String> = groups.iter().map(|g| format!("&{g:?}")).collect();
    writeln!(list, "pub static SPELLINGS: &[&[&str]] = &[{}];", groups.join(", ")).unwrap();
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("districts.rs"), list).unwrap();
}
