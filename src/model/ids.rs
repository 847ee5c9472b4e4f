//! One declaration per enum with stable text ids: each variant is written once with its id,
//! and `ALL`, `id`, `from_id` (and, for the data files, serde's `Deserialize`) follow.

/// Declares a fieldless enum whose variants have stable ids (data files, URLs, the DOM
/// contract, text keys). `ALL` lists the variants in declaration order, so declare them in
/// display order.
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $id:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every variant, in display order.
            pub const ALL: [$name; [$($id),+].len()] = [$($name::$variant),+];

            /// Every variant's id, in the order of [`Self::ALL`].
            pub const IDS: [&'static str; [$($id),+].len()] = [$($id),+];

            /// The variant's stable id.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id),+
                }
            }

            /// The variant whose id this is.
            pub fn from_id(id: &str) -> Option<$name> {
                match id {
                    $($id => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

/// Reads an [`id_enum!`] enum from a data file by its id; anything else is an error that
/// names the ids allowed.
macro_rules! deserialize_by_id {
    ($name:ident) => {
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let id = String::deserialize(d)?;
                $name::from_id(&id)
                    .ok_or_else(|| serde::de::Error::unknown_variant(&id, &$name::IDS))
            }
        }
    };
}

pub(crate) use {deserialize_by_id, id_enum};

#[cfg(test)]
mod tests {
    id_enum! {
        /// A test enum.
        enum Fruit {
            Apple = "apple",
            /// Documented variants keep their docs.
            BloodOrange = "blood-orange",
        }
    }
    deserialize_by_id!(Fruit);

    #[test]
    fn ids_round_trip_and_unknown_ids_are_named() {
        assert_eq!(Fruit::ALL, [Fruit::Apple, Fruit::BloodOrange]);
        for fruit in Fruit::ALL {
            assert_eq!(Fruit::from_id(fruit.id()), Some(fruit));
        }
        assert_eq!(Fruit::from_id("Apple"), None);
        let read: Vec<Fruit> = serde_json::from_str(r#"["blood-orange","apple"]"#).unwrap();
        assert_eq!(read, [Fruit::BloodOrange, Fruit::Apple]);
        let error = serde_json::from_str::<Fruit>(r#""pear""#)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("unknown variant `pear`, expected `apple` or `blood-orange`"),
            "{error}"
        );
    }
}
