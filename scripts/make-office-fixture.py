#!/usr/bin/env python3
"""Makes an office's folder from the example district, as a Chinese district office would keep it.

Tests/CharterTests/Fixtures/office/ gets:
- members.xlsx: one sheet 党员 with the Chinese headers (from `charter template --lang zh`), codes by
  their Chinese names (from its notes), dates as Excel serial numbers with a date format, shared
  strings, a title-less header row, an empty row at the end, a trailing space in one id and
  full-width digits in another, as Excel users leave them;
- events.csv in GB18030 with Chinese headers and dates written 2026/6/30;
- every other file of Examples/data as it is.
`charter import` of that folder must give a dataset whose decisions equal the example's (a test).

Usage: scripts/make-office-fixture.py TEMPLATE_ZH_DIR   (a folder `charter template --lang zh` wrote)
"""
import csv
import datetime
import io
import os
import shutil
import sys
import zipfile
from xml.sax.saxutils import escape

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data = os.path.join(root, "Examples", "data")
out = os.path.join(root, "Tests", "CharterTests", "Fixtures", "office")
template = sys.argv[1]


def read_csv(path, encoding="utf-8-sig"):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(f))


# Chinese headers and code labels, from the template.
headers = {name: read_csv(os.path.join(template, name))[0] for name in ("members.csv", "events.csv")}
labels = {}
for row in read_csv(os.path.join(template, "填写说明.csv"))[1:]:
    file, column, allowed = row[0], row[1], row[7]
    if allowed:
        labels[(file, column)] = dict(part.split(" = ") for part in allowed.split("；"))

members = read_csv(os.path.join(data, "members.csv"))
columns = members[0]
date_columns = {"birth_date", "join_date", "away_since", "letter_issued", "last_org_life", "sanction_until"}
epoch = datetime.date(1899, 12, 30)


def serial(text):
    y, m, d = map(int, text.split("-"))
    return (datetime.date(y, m, d) - epoch).days


shared = []
shared_index = {}


def string_index(text):
    if text not in shared_index:
        shared_index[text] = len(shared)
        shared.append(text)
    return shared_index[text]


def letters(index):
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


rows_xml = []


def add_row(number, cells):
    parts = []
    for i, (kind, value) in enumerate(cells):
        ref = f"{letters(i)}{number}"
        if kind == "s":
            parts.append(f'<c r="{ref}" t="s"><v>{string_index(value)}</v></c>')
        elif kind == "d":
            parts.append(f'<c r="{ref}" s="1"><v>{value}</v></c>')
        elif kind == "n":
            parts.append(f'<c r="{ref}"><v>{value}</v></c>')
        # "": a missing cell, as Excel leaves an empty one out
    rows_xml.append(f'<row r="{number}">{"".join(parts)}</row>')


add_row(1, [("s", h) for h in headers["members.csv"]])
for n, row in enumerate(members[1:], start=2):
    cells = []
    for column, value in zip(columns, row):
        if value == "":
            cells.append(("", ""))
        elif column in date_columns:
            cells.append(("d", serial(value)))
        elif ("members.csv", column) in labels:
            cells.append(("s", labels[("members.csv", column)][value]))
        elif column in ("cadre_years", "unqualified_year"):
            cells.append(("n", value))
        elif column == "id" and n == 2:
            cells.append(("s", value + " "))
        elif column == "id" and n == 3:
            cells.append(("s", "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in value)))
        else:
            cells.append(("s", value))
    add_row(n, cells)
add_row(len(members) + 1, [("s", "")] * 3)

sheet = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    f'<sheetData>{"".join(rows_xml)}</sheetData></worksheet>'
)
sst = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">'
    + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in shared)
    + "</sst>"
)
styles = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)
workbook = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="党员" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
workbook_rels = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
content_types = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
root_rels = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)

if os.path.exists(out):
    shutil.rmtree(out)
os.makedirs(out)
with zipfile.ZipFile(os.path.join(out, "members.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in [
        ("[Content_Types].xml", content_types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", workbook_rels), ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", sst), ("xl/styles.xml", styles),
    ]:
        info = zipfile.ZipInfo(name, date_time=(2026, 6, 30, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text.encode("utf-8"))

# events.csv in GB18030, Chinese headers, dates written 2026/6/30.
events = read_csv(os.path.join(data, "events.csv"))
buffer = io.StringIO()
writer = csv.writer(buffer, lineterminator="\r\n")
writer.writerow(headers["events.csv"])
kinds = labels[("events.csv", "kind")]
for member, date, kind, amount in events[1:]:
    y, m, d = map(int, date.split("-"))
    writer.writerow([member, f"{y}/{m}/{d}", kinds[kind], amount])
with open(os.path.join(out, "events.csv"), "wb") as f:
    f.write(buffer.getvalue().encode("gb18030"))

for name in os.listdir(data):
    if name.endswith(".csv") and name not in ("members.csv", "events.csv"):
        shutil.copy(os.path.join(data, name), os.path.join(out, name))
print("wrote", out, sorted(os.listdir(out)))
