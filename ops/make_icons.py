"""Draw the site's icons into core/static/icons/: a white diamond (the header's mark) on the
brand colour. Run once after changing them: .venv/bin/python ops/make_icons.py"""

from pathlib import Path

from PIL import Image, ImageDraw

BRAND = (8, 63, 84)
out = str(Path(__file__).resolve().parent.parent / "core" / "static" / "icons") + "/"


def icon(size, padding=0.0, radius=0.18):
    scale = 4
    big = size * scale
    im = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.rounded_rectangle((0, 0, big - 1, big - 1), radius=int(big * radius), fill=BRAND)
    c = big / 2
    r = big * (0.30 - padding)
    d.polygon([(c, c - r), (c + r, c), (c, c + r), (c - r, c)], fill=(255, 255, 255))
    return im.resize((size, size), Image.LANCZOS)


icon(180, radius=0).convert("RGB").save(out + "apple-touch-icon.png", optimize=True)
icon(192).save(out + "icon-192.png", optimize=True)
icon(512).save(out + "icon-512.png", optimize=True)
# Maskable: full-bleed background, the mark inside the safe zone (inner 80%).
icon(512, padding=0.06, radius=0).save(out + "icon-maskable-512.png", optimize=True)
icon(48).save(out + "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
