"""`plangen import`: plan texts and Word documents -> plan files (YAML or Markdown).

Stages, each a small module, pure except the shell (reading, command):

    reading     bytes -> text (UTF-8 / GB18030 detected; .docx via python-docx)
    cleaning    pinyin annotations, stray marks, HTML, boilerplate removed; mojibake reported
    splitting   one text -> one text per plan (篇N / 第N篇 headers, or --split)
    outline     numbered headings in every style, nested; run-on headings split
    structure   closing lines; chunks (headed parts, lists whose heading was lost, paragraphs)
    infer       chunk -> part, by the vocabulary's synonym table or inferred from its text
    people, steps   leadership group, steps and dates, period, issuer and date
    piecewise   the group read piece by piece with word tags (wordtags: jieba, the extra `names`)
    ends        the plan's title; its signature and attachments
    assemble    plan data (the YAML model) + a report per plan
    writer      YAML or Markdown text
    command     the `plangen import` subcommand
"""

from .convert import Converted, Options, convert

__all__ = ["Converted", "Options", "convert"]
