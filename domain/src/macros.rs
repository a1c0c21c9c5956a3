/// Declares a closed set of values spelled as in the public API, with the
/// serde, text and listing impls every such set needs (JSON, query strings,
/// stored columns, filter options).
macro_rules! api_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$variant_meta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name { $($(#[$variant_meta])* $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as the API spells it.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => stringify!($variant)),+ }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const VARIANTS: &[&str] = &[$(stringify!($variant)),+];
                $crate::macros::variant_index(deserializer, stringify!($name), VARIANTS)
                    .map(|index| Self::ALL[index])
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::UnknownValue;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                match text {
                    $(stringify!($variant) => Ok($name::$variant),)+
                    _ => Err($crate::UnknownValue {
                        kind: stringify!($name),
                        value: text.to_owned(),
                        expected: Self::ALL.iter().map(|v| v.as_str()).collect(),
                    }),
                }
            }
        }
    };
}

/// Reads one of an [`api_enum!`]'s values by name, as serde's derive reads a unit variant
/// (the same input taken, the same errors): its index in declaration order. One copy
/// for every such enum, where the derive built one per enum into the wasm.
pub(crate) fn variant_index<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    name: &'static str,
    variants: &'static [&'static str],
) -> Result<usize, D::Error> {
    deserializer.deserialize_enum(name, variants, Variants { name, variants })
}

/// The enum's variants, as [`variant_index`] looks for one.
#[derive(Clone, Copy)]
struct Variants {
    name: &'static str,
    variants: &'static [&'static str],
}

impl<'de> serde::de::Visitor<'de> for Variants {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "enum {}", self.name)
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
        let (index, variant) = data.variant_seed(VariantName(self.variants))?;
        serde::de::VariantAccess::unit_variant(variant)?;
        Ok(index)
    }
}

/// A variant's name (or index), as the enum's [`Variants`] reads it.
struct VariantName(&'static [&'static str]);

impl<'de> serde::de::DeserializeSeed<'de> for VariantName {
    type Value = usize;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> serde::de::Visitor<'de> for VariantName {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<usize, E> {
        match usize::try_from(value) {
            Ok(index) if index < self.0.len() => Ok(index),
            _ => Err(E::invalid_value(
                serde::de::Unexpected::Unsigned(value),
                &format!("variant index 0 <= i < {}", self.0.len()).as_str(),
            )),
        }
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|variant| *variant == value)
            .ok_or_else(|| E::unknown_variant(value, self.0))
    }

    fn visit_bytes<E: serde::de::Error>(self, value: &[u8]) -> Result<usize, E> {
        match self
            .0
            .iter()
            .position(|variant| variant.as_bytes() == value)
        {
            Some(index) => Ok(index),
            None => Err(E::unknown_variant(&String::from_utf8_lossy(value), self.0)),
        }
    }
}

#[cfg(test)]
mod tests {
    api_enum! {
        /// Read by [`super::variant_index`].
        pub enum Shared { Pending, Approved, ActionRequired }
    }

    /// The same enum read by serde's derive.
    #[derive(Debug, PartialEq, serde::Deserialize)]
    enum Derived {
        Pending,
        Approved,
        ActionRequired,
    }

    #[test]
    fn a_value_is_read_as_serde_derives_it_errors_included() {
        for json in [
            r#""Approved""#,
            r#""ActionRequired""#,
            r#""Appr\u006fved""#,
            r#"{"Pending":null}"#,
            r#""approved""#,
            r#""Maybe""#,
            r#"{"Maybe":null}"#,
            r#"{"Pending":1}"#,
            r#"{"Pending":null,"Approved":null}"#,
            "1",
            "null",
            "[]",
            r#"["Pending"]"#,
            "",
        ] {
            let shared = serde_json::from_str::<Shared>(json).map_err(|error| error.to_string());
            let derived = serde_json::from_str::<Derived>(json).map_err(|error| error.to_string());
            assert_eq!(
                shared.map(|value| value.as_str()),
                derived
                    .map(|value| format!("{value:?}"))
                    .as_deref()
                    .map_err(Clone::clone),
                "{json}"
            );
        }
    }
}
