#!/usr/bin/env python3
"""gen_bundles.py: the generated bundles of tests/bench/run.sh (standard library only).

  gen_bundles.py careers40 SRC DST    a copy of the default bundle SRC whose careers grid has
                                      40 items (the 22 real ones plus 18 copies with new ids)
  gen_bundles.py attract SRC DST      a copy of SRC whose attract loop starts after 10 s
                                      (idle_timeout: 10, attract_delay: 0, attract_slide: 8)
  gen_bundles.py photo SRC DST PIC    a copy of SRC whose item pact-wat-is-het shows the picture
                                      PIC (copied into DST/images/) instead of its drawing
  gen_bundles.py big DST N PHOTOS     DST/*.yaml: one grid of N items, every fourth with its own
                                      photo DST/images/photo-NNN.jpg (PHOTOS of them, made
                                      beforehand by bench_session photos), the rest an SVG icon
"""
import os
import re
import shutil
import sys


def copy(src, dst):
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(src, dst, symlinks=False)


def careers40(src, dst):
    copy(src, dst)
    path = os.path.join(dst, "careers.yaml")
    text = open(path, encoding="utf-8").read()
    head, items = text.split("\n    items:\n", 1)
    blocks = re.split(r"(?m)^(?=      - id: )", items)
    preamble, blocks = blocks[0], [b for b in blocks[1:]]
    extra = []
    for i in range(40 - len(blocks)):
        b = blocks[i % len(blocks)]
        b = re.sub(r"(?m)^(      - id: )(\S+)", r"\g<1>\g<2>-%d" % (i + 2), b, count=1)
        # "title:\n  nl: X\n  en: Y" -> "X (2)", so the copies are told apart on screen
        b = re.sub(r"(?m)^(        title:\n          nl: )(.*)\n(          en: )(.*)$",
                   lambda m: "%s%s %d\n%s%s %d" % (m.group(1), m.group(2), i + 2, m.group(3), m.group(4), i + 2),
                   b, count=1)
        if not b.endswith("\n\n"):
            b = b.rstrip("\n") + "\n\n"
        extra.append(b)
    body = preamble + "".join(blocks)
    if not body.endswith("\n\n"):
        body = body.rstrip("\n") + "\n\n"
    open(path, "w", encoding="utf-8").write(head + "\n    items:\n" + body + "".join(extra))


def attract(src, dst):
    copy(src, dst)
    path = os.path.join(dst, "bundle.yaml")
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"(?m)^  idle_timeout: \d+", "  idle_timeout: 10", text)
    text = re.sub(r"(?m)^  attract_delay: \d+", "  attract_delay: 0", text)
    text = re.sub(r"(?m)^  attract_slide: \d+", "  attract_slide: 8", text)
    open(path, "w", encoding="utf-8").write(text)


def photo(src, dst, pic):
    copy(src, dst)
    name = os.path.basename(pic)
    shutil.copy(pic, os.path.join(dst, "images", name))
    path = os.path.join(dst, "about.yaml")
    text = open(path, encoding="utf-8").read()
    head, rest = text.split("      - id: pact-wat-is-het\n", 1)
    rest = re.sub(r"(?m)^        image: \S+", "        image: images/" + name, rest, count=1)
    open(path, "w", encoding="utf-8").write(head + "      - id: pact-wat-is-het\n" + rest)


def big(dst, n, photos):
    os.makedirs(os.path.join(dst, "images"), exist_ok=True)
    with open(os.path.join(dst, "images", "icon.svg"), "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128"><rect x="14" y="30" '
                'width="100" height="72" rx="10" fill="#EDAE49" stroke="#14213D" stroke-width="6"/>'
                '<circle cx="64" cy="66" r="20" fill="#00798C" stroke="#14213D" stroke-width="6"/></svg>\n')
    with open(os.path.join(dst, "bundle.yaml"), "w") as f:
        f.write("""format: 1
meta:
  id: big
  title: {nl: Groot, en: Big}
  version: "1"
  languages: [nl, en]
  default_language: nl
theme:
  font: Inter
home:
  title: {nl: Fotoarchief, en: Photo archive}
  subtitle: {nl: "%d onderdelen, %d foto's", en: "%d items, %d photos"}
  tiles:
    - target: archief
      image: images/photo-000.jpg
    - target: item-0004
    - target: item-0008
include:
  - archief.yaml
""" % (n, photos, n, photos))
    with open(os.path.join(dst, "archief.yaml"), "w") as f:
        f.write("collections:\n  - id: archief\n    title: {nl: Archief, en: Archive}\n"
                "    layout: grid\n    categories:\n")
        for c in range(5):
            f.write("      - id: c%d\n        title: {nl: Soort %d, en: Kind %d}\n" % (c, c + 1, c + 1))
        f.write("    items:\n")
        for i in range(n):
            image = "images/photo-%03d.jpg" % (i // 4) if i % 4 == 0 and i // 4 < photos else "images/icon.svg"
            f.write("""      - id: item-%04d
        title: {nl: Onderdeel %d, en: Item %d}
        subtitle: {nl: Een korte regel over dit onderdeel, en: A short line about this item}
        image: %s
        categories: [c%d]
        body:
          nl: Dit is onderdeel **%d** uit het archief.
          en: This is item **%d** from the archive.
""" % (i, i, i, image, i % 5, i, i))


def main(argv):
    if len(argv) == 4 and argv[1] == "careers40":
        careers40(argv[2], argv[3])
    elif len(argv) == 4 and argv[1] == "attract":
        attract(argv[2], argv[3])
    elif len(argv) == 5 and argv[1] == "photo":
        photo(argv[2], argv[3], argv[4])
    elif len(argv) == 5 and argv[1] == "big":
        big(argv[2], int(argv[3]), int(argv[4]))
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
