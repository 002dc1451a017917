#!/usr/bin/env python3
"""Writes a COCO captions JSON of N captions by repeating a COCO captions file's annotations with new ids.

usage: make_input.py SOURCE.json N OUTPUT.json

Images keep their ids and file names; annotation i is source annotation i % len(source) with id i, so every caption
has its own id (and so its own draw of negatives) while the text is real COCO text.
"""
import json
import sys


def main() -> None:
    source, count, output = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(source, encoding="utf-8") as f:
        coco = json.load(f)
    annotations = coco["annotations"]
    with open(output, "w", encoding="utf-8") as out:
        out.write('{"images": ')
        json.dump([{"id": im["id"], "file_name": im["file_name"]} for im in coco["images"]], out)
        out.write(', "annotations": [\n')
        for i in range(count):
            a = annotations[i % len(annotations)]
            out.write(("" if i == 0 else ",\n") + json.dumps({"image_id": a["image_id"], "id": i, "caption": a["caption"]}))
        out.write("\n]}\n")


if __name__ == "__main__":
    main()
