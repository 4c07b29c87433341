"""plangen: validate assistance plans kept as YAML or Markdown and publish them as a static site."""

__version__ = "0.1.0"
