#!/usr/bin/env bash
# Regenerates fixtures/images/ (dev time only; the generated files are committed).
# Needs Debian packages: imagemagick fonts-dejavu-core libimage-exiftool-perl
#   libheif-examples python3-skimage python-matplotlib-data
# Sources and licences: fixtures/images/LICENSES.md
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=fixtures/images
SK=/usr/lib/python3/dist-packages/skimage/data
MPL=/usr/share/matplotlib/mpl-data/sample_data
CONVERT=/usr/bin/convert
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
FONTB=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
mkdir -p "$OUT"
rm -f "$OUT"/*.jpg "$OUT"/*.png "$OUT"/*.webp "$OUT"/*.heic "$OUT"/*.tif "$OUT"/*.avif

# --- photos with faces (public domain / CC0) ---
$CONVERT "$SK/astronaut.png" -strip -quality 85 "$OUT/face-astronaut.jpg"
$CONVERT "$MPL/grace_hopper.jpg" -strip -quality 85 "$OUT/face-grace-hopper.jpg"
$CONVERT "$SK/camera.png" -strip -quality 85 "$OUT/face-cameraman.jpg"
# pixels rotated 90 deg counter-clockwise + EXIF Orientation=6 ("rotate 90 CW to display"):
# displayed upright, 512 wide x 600 high.
$CONVERT "$MPL/grace_hopper.jpg" -strip -rotate -90 -quality 85 "$OUT/face-rotated-exif6.jpg"
exiftool -q -overwrite_original -n -Orientation=6 "$OUT/face-rotated-exif6.jpg"
# "group": three faces pasted small onto a 1600x1000 canvas (faces ~35-60 px)
$CONVERT -size 1600x1000 gradient:"#c8d8c0"-"#8a9a7a" \
  \( "$SK/astronaut.png" -resize 200x200 \) -geometry +150+300 -composite \
  \( "$MPL/grace_hopper.jpg" -resize 180x211 \) -geometry +800+200 -composite \
  \( "$SK/camera.png" -colorspace sRGB -resize 260x260 \) -geometry +1200+600 -composite \
  -strip -quality 85 "$OUT/face-group-small.jpg"

# --- negatives: animals, objects, silhouette, cartoon (no human face) ---
$CONVERT "$SK/chelsea.png" -strip -quality 85 "$OUT/neg-cat.jpg"
$CONVERT "$SK/coffee.png" -strip -quality 85 "$OUT/neg-coffee.jpg"
$CONVERT "$SK/horse.png" -strip "$OUT/neg-horse-silhouette.png"
$CONVERT "$SK/rocket.jpg" -strip -quality 85 "$OUT/neg-rocket.jpg"
$CONVERT "$SK/motorcycle_left.png" -strip -resize 600x -quality 85 "$OUT/neg-motorcycle.jpg"
# cartoon smiley (drawn here)
$CONVERT -size 400x400 xc:skyblue -fill gold -stroke black -strokewidth 6 -draw "circle 200,200 200,60" \
  -fill black -draw "circle 150,160 150,180" -draw "circle 250,160 250,180" \
  -fill none -strokewidth 10 -draw "arc 120,170 280,300 20,160" -strip "$OUT/neg-cartoon-smiley.png"
# human silhouette (drawn here): head + shoulders, flat black on white
$CONVERT -size 400x500 xc:white -fill black -draw "ellipse 200,150 70,90 0,360" \
  -draw "roundrectangle 70,250 330,520 60,60" -strip "$OUT/neg-person-silhouette.png"

# --- text ---
$CONVERT -size 1400x800 xc:white -fill '#1a237e' -font "$FONTB" -pointsize 64 \
  -annotate +80+160 'Room 4: John Carter' -annotate +80+270 'DOB 03/14/1958' \
  -fill '#b71c1c' -font "$FONT" -pointsize 48 -annotate +80+420 'NPO after midnight' \
  -stroke '#9e9e9e' -strokewidth 8 -fill none -draw 'rectangle 20,20 1380,780' -strip "$OUT/text-whiteboard.png"
$CONVERT -size 1000x600 xc:'#e3f2fd' -fill '#0d47a1' -font "$FONTB" -pointsize 72 \
  -annotate +80+200 'Flu shots today!' -font "$FONT" -pointsize 56 -annotate +80+360 'Call (555) 010-2000' \
  -strip "$OUT/text-poster.png"

# whiteboard "photo": the same board, turned 3 degrees, blurred, noisy, smaller JPEG
$CONVERT "$OUT/text-whiteboard.png" -background '#d0d0c8' -rotate 3 -resize 1100x -blur 0x1 \
  -attenuate 0.3 +noise Gaussian -quality 80 "$OUT/text-whiteboard-photo.jpg"

# --- planted metadata: same identity/location data in every container ---
BASE=$(mktemp -d)
$CONVERT "$SK/coffee.png" -resize 240x160 -strip "$BASE/base.png"
TAGS=(
  -GPSLatitude=41.8781 -GPSLatitudeRef=N -GPSLongitude=87.6298 -GPSLongitudeRef=W
  -Artist="Dana Whitfield" -OwnerName="Dana Whitfield" -SerialNumber=SN-4417  # EXIF 0xa431 BodySerialNumber (exiftool calls it SerialNumber)
  -LensSerialNumber=LSN-2020 -XMP-exifEX:SerialNumber=BSN-993311 -XMP-aux:OwnerName="Dana Whitfield" -ImageDescription="Maria Lopez after surgery"
  -XMP-photoshop:City=Springfield -XMP-iptcCore:Location="Lakeside Clinic" -XMP-photoshop:State=Illinois
  -XMP-photoshop:Country=USA -XMP-iptcExt:PersonInImage="Maria Lopez"
  -XMP-dc:Creator="Dana Whitfield"
  -XMP-exif:GPSLatitude=41.8781 -XMP-exif:GPSLongitude=-87.6298
  "-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=240,H=160,Unit=pixel},RegionList=[{Area={X=0.5,Y=0.5,W=0.2,H=0.3,Unit=normalized},Name=Maria Lopez,Type=Face}]}"
  -XMP-MP:RegionInfoMP="{Regions=[{PersonDisplayName=Maria Lopez,Rectangle=0.4|, 0.35|, 0.2|, 0.3}]}"
)
# JPEG: EXIF + XMP + IPTC (APP13) + ICC; Orientation=1 to check it is kept
$CONVERT "$BASE/base.png" -quality 85 "$OUT/meta.jpg"
exiftool -q -overwrite_original "${TAGS[@]}" -Orientation#=1 -IPTC:By-line="Dana Whitfield" -IPTC:City=Springfield \
  -IPTC:Sub-location="Lakeside Clinic" -IPTC:Caption-Abstract="Maria Lopez after surgery" "$OUT/meta.jpg"
# JPEG with an ICC profile (libvips' built-in sRGB profile, via sharp) and Orientation=6
node -e "require('sharp')('$BASE/base.png').withIccProfile('srgb').jpeg({ quality: 85 }).toFile('$OUT/meta-icc-orient6.jpg')"
exiftool -q -overwrite_original "${TAGS[@]}" -Orientation#=6 "$OUT/meta-icc-orient6.jpg"
# PNG: eXIf + XMP iTXt + a tEXt Author
$CONVERT "$BASE/base.png" "$OUT/meta.png"
exiftool -q -overwrite_original "${TAGS[@]}" -PNG:Author="Dana Whitfield" "$OUT/meta.png"
# WebP (lossy, VP8X with EXIF + XMP chunks)
$CONVERT "$BASE/base.png" -quality 85 "$OUT/meta.webp"
exiftool -q -overwrite_original "${TAGS[@]}" "$OUT/meta.webp"
# TIFF
$CONVERT "$BASE/base.png" -compress lzw "$OUT/meta.tif"
exiftool -q -overwrite_original "${TAGS[@]}" "$OUT/meta.tif"
# HEIC (heif-enc, x265) and AVIF
$CONVERT "$BASE/base.png" "$BASE/base.jpg"
heif-enc -q 60 -o "$OUT/meta.heic" "$BASE/base.jpg" >/dev/null
exiftool -q -overwrite_original "${TAGS[@]}" "$OUT/meta.heic"
heif-enc -A -q 60 -o "$OUT/meta.avif" "$BASE/base.jpg" >/dev/null
exiftool -q -overwrite_original "${TAGS[@]}" "$OUT/meta.avif"
# clean control file: no metadata at all
$CONVERT "$BASE/base.png" -strip -quality 85 "$OUT/clean.jpg"
# corrupt: a JPEG cut after 600 bytes, and a text file named .png
head -c 600 "$OUT/meta.jpg" > "$OUT/corrupt-truncated.jpg"
printf 'this is not an image\n' > "$OUT/corrupt-not-image.png"
rm -rf "$BASE"
ls -la "$OUT"
du -sh "$OUT"
