//! Macros every module may use (declared first in `lib.rs`, so they are in scope everywhere).

/// An enum stored as a text code, with its catalog label key: `code()`, `parse()`, `ALL`,
/// `label_key()`. The database's CHECK lists the same codes.
macro_rules! code_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $code:literal, $key:literal;)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            pub fn parse(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }

            /// The catalog key of its label.
            pub fn label_key(self) -> &'static str {
                match self { $($name::$variant => $crate::i18n::k($key)),* }
            }
        }
    };
}
