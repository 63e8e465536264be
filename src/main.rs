//! Mounts the Yew app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    let root = gloo::utils::document().get_element_by_id("app").expect("index.html has #app");
    root.set_inner_html(""); // the "Loading…" placeholder
    yew::Renderer::<helmand_reader::app::App>::with_root(root).render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("helmand-reader is a web app: build and serve it with scripts/serve.sh (see README.md)");
    std::process::exit(2);
}
