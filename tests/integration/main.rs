//! The integration tests, as one test binary (one link instead of six: faster on two cores).
//! Each module tests the core from outside, natively, as `cargo test` runs it.

mod cases;
mod catalog;
mod claims;
mod claims_score;
mod cleaning;
mod common;
mod entities;
mod import;
mod layers;
mod properties;
