// The Fluent catalogs are embedded at compile time (fluent-templates' static_loader), which
// tracks the files it found; a new catalog file must rebuild the crate too.
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
