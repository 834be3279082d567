"""Reading content: strict YAML with a line for every value, Markdown files and their bodies
(links, shape, bidirectional controls), the tree of content and what may be published."""
