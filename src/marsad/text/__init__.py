"""The text layer: normalised view with an offset map, blocks and sentences, tokens with clitics split."""
