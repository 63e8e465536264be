//! Mounts the Yew app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<helmand_reader::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("helmand-reader is a web app: build and serve it with scripts/serve.sh (see README.md)");
    std::process::exit(2);
}
