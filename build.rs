//! Embeds the bundled articles: checks `seeds/catalog.toml` against the `.txt` files in
//! `seeds/` and writes `$OUT_DIR/seeds.rs`, a static table the app reads with no parsing.

#[path = "src/catalog.rs"]
#[allow(dead_code)]
mod catalog;

use std::{env, fmt::Write as _, fs, path::Path};

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").unwrap();
    let seeds = Path::new(&root).join("seeds");
    println!("cargo:rerun-if-changed=seeds");
    println!("cargo:rerun-if-changed=src/catalog.rs");

    let text = fs::read_to_string(seeds.join("catalog.toml")).expect("read seeds/catalog.toml");
    let cat: catalog::Catalog = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("seeds/catalog.toml is not a valid catalog:\n{e}"));
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
