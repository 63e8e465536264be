//! `seeds/catalog.toml` describes exactly the `.txt` files in `seeds/`.

use helmand_reader::engine::catalog::{is_iso_date, problems, Catalog};
use std::{fs, path::Path};

fn seeds_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn txt_files() -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    v.sort();
    v
}

fn catalog() -> Catalog {
    toml::from_str(&fs::read_to_string(seeds_dir().join("catalog.toml")).unwrap()).expect("valid catalog")
}

#[test]
fn every_seed_has_an_entry_and_every_entry_a_seed() {
    let files = txt_files();
    assert_eq!(files.len(), 5);
    assert_eq!(problems(&catalog(), &files), Vec::<String>::new());
}

#[test]
fn a_missing_entry_or_file_is_reported() {
    let mut files = txt_files();
    files.push("999_new.txt".into());
    let p = problems(&catalog(), &files);
    assert!(p.iter().any(|m| m.contains("999_new.txt has no [[article]] entry")), "{p:?}");

    let p = problems(&catalog(), &txt_files()[1..]);
    assert!(p.iter().any(|m| m.contains("000_913ef45cb6386b48.txt does not exist")), "{p:?}");
}

#[test]
fn malformed_fields_are_reported() {
    let bad: Catalog = toml::from_str(
        r#"
        [[article]]
        file = "a.txt"
        title = " "
        date = "2021-02-30"
        outlet = ""
        [[article]]
        file = "a.txt"
        title = "t"
        "#,
    )
    .unwrap();
    let p = problems(&bad, &["a.txt".to_string()]);
    for want in ["title is empty", "not a YYYY-MM-DD", "outlet is empty", "listed twice"] {
        assert!(p.iter().any(|m| m.contains(want)), "{want}: {p:?}");
    }
    assert!(
        toml::from_str::<Catalog>("[[article]]\nfile='a.txt'\ntitle='t'\nauthour='x'\n").is_err(),
        "unknown keys are refused"
    );
}

#[test]
fn iso_dates() {
    assert!(is_iso_date("2020-10-12"));
    assert!(is_iso_date("2024-02-29"));
    assert!(!is_iso_date("2023-02-29"));
    assert!(!is_iso_date("12.10.2020"));
    assert!(!is_iso_date("2020-1-12"));
}

/// The catalog's source facts match the hand-made gold files kept under tests/gold.
#[test]
fn catalog_matches_the_gold_sources() {
    let cat = catalog();
    for a in &cat.articles {
        let gold =
            fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/gold/{}.json", a.file)))
                .unwrap();
        let gold: serde_json::Value = serde_json::from_str(&gold).unwrap();
        let field = |name: &str| gold["source"][name].as_str().map(str::to_string);
        assert_eq!(a.outlet, field("outlet"), "{}", a.file);
        assert_eq!(a.author, field("author"), "{}", a.file);
        assert_eq!(a.date, field("date"), "{}", a.file);
    }
}
