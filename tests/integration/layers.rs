//! The layers of `src/` (see `src/lib.rs`), checked from the source: each layer names only
//! the layers it may depend on, and no module depends on itself through others. Test
//! modules (`#[cfg(test)] mod tests` at a file's end) may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each layer and the layers it may use.
const ALLOWED: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("model", &["text"]),
    ("prepared", &["text", "model"]),
    ("engine", &["text", "model"]),
    ("import", &["text", "model", "prepared", "engine"]),
    ("web", &["text", "model", "prepared"]),
];

/// Crates only the engine and the importers may use (the page's build leaves them out).
const ENGINE_CRATES: &[&str] =
    &["serde", "serde_json", "aho_corasick", "dom_query", "dom_smoothie", "pulldown_cmark", "toml"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// A file's module path: `src/model/search.rs` -> `model::search`, `src/engine/entities/mod.rs`
/// -> `engine::entities`.
fn module_of(file: &Path) -> String {
    let rel = file.strip_prefix(src()).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The code of a file without its test module.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The modules a file's code names: `crate::a::b::Item` resolves to the longest prefix that
/// is a module of `known`; `super::x` to the sibling `x` (or the parent).
fn uses(module: &str, code: &str, known: &BTreeSet<String>, is_mod_rs: bool) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let parent: Vec<&str> = {
        let mut p: Vec<&str> = module.split("::").collect();
        if !is_mod_rs {
            p.pop();
        }
        p
    };
    for (prefix, base) in [("crate::", Vec::new()), ("super::", parent.clone())] {
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let before = rest[..at].chars().last();
            rest = &rest[at + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            let mut segs: Vec<String> = base.iter().map(|s| s.to_string()).collect();
            segs.extend(path.split("::").filter(|s| !s.is_empty()).map(str::to_string));
            // `super::` from `engine/entities/rules.rs` is `engine::entities`, itself a module
            let target = (1..=segs.len()).rev().map(|n| segs[..n].join("::")).find(|m| known.contains(m));
            if let Some(t) = target.filter(|t| t != module) {
                out.insert(t);
            }
        }
    }
    out
}

fn layer(module: &str) -> &str {
    module.split("::").next().unwrap()
}

struct Graph {
    edges: BTreeMap<String, BTreeSet<String>>,
}

fn graph() -> Graph {
    let mut all = Vec::new();
    files(&src(), &mut all);
    // the binaries and the crate root are not a layer
    all.retain(|f| {
        let m = module_of(f);
        !m.starts_with("bin::") && m != "main" && m != "lib"
    });
    let known: BTreeSet<String> = all.iter().map(|f| module_of(f)).collect();
    let edges = all
        .iter()
        .map(|f| {
            let m = module_of(f);
            let is_mod = f.file_name().is_some_and(|n| n == "mod.rs");
            (m.clone(), uses(&m, &code(f), &known, is_mod))
        })
        .collect();
    Graph { edges }
}

#[test]
fn each_layer_uses_only_the_layers_below_it() {
    let g = graph();
    assert!(g.edges.len() > 40, "the source was not found: {} modules", g.edges.len());
    let mut wrong = Vec::new();
    for (m, used) in &g.edges {
        let allowed = ALLOWED.iter().find(|(l, _)| *l == layer(m)).unwrap_or_else(|| panic!("{m} is in no layer")).1;
        for u in used {
            if layer(u) != layer(m) && !allowed.contains(&layer(u)) {
                wrong.push(format!("{m} uses {u}"));
            }
        }
    }
    assert!(wrong.is_empty(), "uses across the layers' order:\n  {}", wrong.join("\n  "));
}

#[test]
fn no_module_depends_on_itself() {
    let g = graph();
    // a depth-first search that reports each cycle it meets
    fn visit<'a>(
        m: &'a str,
        g: &'a Graph,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
        cycles: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|p| *p == m) {
            let mut c: Vec<&str> = path[at..].to_vec();
            c.push(m);
            cycles.push(c.join(" -> "));
            return;
        }
        if done.contains(m) {
            return;
        }
        path.push(m);
        for u in g.edges.get(m).into_iter().flatten() {
            visit(u, g, path, done, cycles);
        }
        path.pop();
        done.insert(m);
    }
    let mut cycles = Vec::new();
    let mut done = BTreeSet::new();
    for m in g.edges.keys() {
        visit(m, &g, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(cycles.is_empty(), "import cycles:\n  {}", cycles.join("\n  "));
}

#[test]
fn the_pages_layers_use_no_engine_crate() {
    let mut all = Vec::new();
    files(&src(), &mut all);
    let mut wrong = Vec::new();
    for f in all {
        let m = module_of(&f);
        if !matches!(layer(&m), "text" | "model" | "prepared" | "web") {
            continue;
        }
        let code = code(&f);
        for c in ENGINE_CRATES {
            if code.contains(&format!("{c}::")) {
                wrong.push(format!("{m} uses {c}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_checks_see_a_wrong_use() {
    // the resolver itself: a use of the engine from the model is seen, as is `super::`
    let known: BTreeSet<String> = ["model::search", "engine::clean", "engine::entities", "engine::entities::cues"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let used = uses(
        "model::search",
        "use crate::engine::clean::clean;\nlet x = crate::engine::entities::cues::cues();",
        &known,
        false,
    );
    assert_eq!(used.into_iter().collect::<Vec<_>>(), ["engine::clean", "engine::entities::cues"]);
    let used = uses("engine::entities::rules", "use super::cues::class;", &known, false);
    assert_eq!(used.into_iter().collect::<Vec<_>>(), ["engine::entities::cues"]);
}
