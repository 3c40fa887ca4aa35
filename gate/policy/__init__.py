"""The policy: data in TOML, evaluated by small composable conditions."""
